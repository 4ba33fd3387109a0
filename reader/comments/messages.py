"""The comment form's words in the interface languages (English and Arabic).

The English strings follow WordPress core's own (``wp-comments-post.php``,
``wp_handle_comment_submission()``); the Arabic ones say the same in the words
Arabic WordPress sites show (the seed page's "اترك تعليقاً" heading and its
"لن يتم نشر عنوان بريدك الإلكتروني" note).
"""

from __future__ import annotations

import os

LANGUAGES: tuple[str, ...] = ("en", "ar")

_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "Leave a Reply",
        "note": "Your email address will not be published. Required fields are marked *",
        "label.comment": "Comment",
        "label.author": "Name",
        "label.email": "Email",
        "label.url": "Website",
        "label.remember": "Save my name, email, and website for the next time I comment.",
        "error.comment.required": "Error: Please type your comment text.",
        "error.author.required": "Error: Please fill the required fields.",
        "error.email.required": "Error: Please fill the required fields.",
        "error.email.invalid": "Error: Please enter a valid email address.",
        "error.url.invalid": "Error: Please enter a valid website address.",
        "error.comment.too_long": "Error: Your comment is too long.",
        "error.author.too_long": "Error: Your name is too long.",
        "error.email.too_long": "Error: Your email address is too long.",
        "error.url.too_long": "Error: Your URL is too long.",
        "bytes": "{used:,} / {limit:,} bytes",
        "status.ready": "Ready to send",
        "status.not_ready": "Not ready: {count} problem(s)",
        "status.saved": "Draft saved {time}",
        "status.unsaved": "Unsaved changes",
        "status.save_failed": "Cannot save the draft ({reason}); it is kept here and saving "
        "will be retried",
        "status.conflict": "This draft was changed in another window. "
        "Keep mine (ctrl+k) or take theirs (ctrl+t)? Both texts are kept.",
        "status.resolved_mine": "Kept your text; the other version is kept in the library.",
        "status.resolved_theirs": "Took the other text; yours is kept in the library.",
        "status.copied": "Copied {count} characters",
        "reason.readonly": "the library is read-only",
        "reason.full": "the disk is full",
        "reason.busy": "the library is busy",
        "reason.other": "library error: {detail}",
    },
    "ar": {
        "heading": "اترك تعليقاً",
        "note": "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "label.comment": "التعليق",
        "label.author": "الاسم",
        "label.email": "البريد الإلكتروني",
        "label.url": "الموقع الإلكتروني",
        "label.remember": "احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح "
        "لاستخدامها المرة المقبلة في تعليقي.",
        "error.comment.required": "خطأ: يرجى كتابة نص تعليقك.",
        "error.author.required": "خطأ: يرجى ملء الحقول المطلوبة.",
        "error.email.required": "خطأ: يرجى ملء الحقول المطلوبة.",
        "error.email.invalid": "خطأ: يرجى إدخال عنوان بريد إلكتروني صالح.",
        "error.url.invalid": "خطأ: يرجى إدخال عنوان موقع صالح.",
        "error.comment.too_long": "خطأ: تعليقك طويل جداً.",
        "error.author.too_long": "خطأ: اسمك طويل جداً.",
        "error.email.too_long": "خطأ: عنوان بريدك الإلكتروني طويل جداً.",
        "error.url.too_long": "خطأ: عنوان موقعك طويل جداً.",
        "bytes": "{used:,} / {limit:,} بايت",
        "status.ready": "جاهز للإرسال",
        "status.not_ready": "غير جاهز: {count} مشكلة",
        "status.saved": "حُفظت المسودة {time}",
        "status.unsaved": "تغييرات غير محفوظة",
        "status.save_failed": "تعذر حفظ المسودة ({reason})؛ النص محفوظ هنا وسيعاد الحفظ تلقائياً",
        "status.conflict": "عُدّلت هذه المسودة في نافذة أخرى. "
        "احتفظ بنصي (ctrl+k) أو خذ نصهم (ctrl+t)؟ يُحفظ النصان كلاهما.",
        "status.resolved_mine": "احتُفظ بنصك؛ والنسخة الأخرى محفوظة في المكتبة.",
        "status.resolved_theirs": "أُخذ النص الآخر؛ ونصك محفوظ في المكتبة.",
        "status.copied": "نُسخ {count} حرفاً",
        "reason.readonly": "المكتبة للقراءة فقط",
        "reason.full": "القرص ممتلئ",
        "reason.busy": "المكتبة مشغولة",
        "reason.other": "خطأ في المكتبة: {detail}",
    },
}


def message(language: str, key: str, **values: object) -> str:
    """The string *key* in *language* (English when the language is unknown)."""
    table = _STRINGS.get(language, _STRINGS["en"])
    return table[key].format(**values) if values else table[key]


def default_language(environ: dict[str, str] | None = None) -> str:
    """``ar`` when the user's locale is Arabic (LC_ALL, LC_MESSAGES, LANG), else ``en``."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"
