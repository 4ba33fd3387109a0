"""Every user-visible string, in English and Arabic: plain templates by key.

Every label, pane title, message and key description the app shows comes from
here, by key, and so do the comment form's words. A template is plain text with
named parameters (``{title}``); it carries no markup, and its parameters are filled
by :func:`reader.i18n.message`. The Arabic strings are logical text: the screens pass
them through the engine (:class:`reader.ui.labels.Labels`) like article text before
they reach a widget, so they read correctly on terminals that neither shape nor
reorder.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # The command line (reader/cli): usage texts, notes, warnings and reports. Program
    # and option names (rtl-reader, --bidi, app, terminal) stay as typed.
    "cli.description": {
        "en": "Read stored Arabic articles in the terminal. Commands: {commands} "
        "(rtl-reader COMMAND --help).",
        "ar": "اقرأ المقالات العربية المحفوظة في الطرفية. الأوامر: {commands} "
        "(rtl-reader COMMAND --help).",
    },
    "cli.command.cat": {"en": "print an article laid out for this terminal",
                        "ar": "اطبع مقالاً منسقاً لهذه الطرفية"},
    "cli.command.import": {"en": "add article files and folders to the library",
                           "ar": "أضف ملفات المقالات ومجلداتها إلى المكتبة"},
    "cli.command.list": {"en": "list the library's articles, newest first",
                         "ar": "اعرض مقالات المكتبة، الأحدث أولاً"},
    "cli.command.search": {"en": "search the library (harakat and hamza forms folded)",
                           "ar": "ابحث في المكتبة (لا فرق للحركات ولا لصور الهمزة)"},
    "cli.command.related": {"en": "show an article's related and most similar articles",
                            "ar": "اعرض روابط مقال وأشبه المقالات به"},
    "cli.command.drafts": {"en": "list, export or delete offline comment drafts",
                           "ar": "اعرض مسودات التعليقات المحفوظة أو صدّرها أو احذفها"},
    "cli.command.doctor": {
        "en": "show how this terminal is detected; choose its bidi output",
        "ar": "اعرض كيف تُعرف هذه الطرفية، واختر طريقة إخراج الاتجاه لها",
    },
    "cli.note": {"en": "note: {message}", "ar": "ملاحظة: {message}"},
    "cli.warning": {"en": "warning: {message}", "ar": "تحذير: {message}"},
    # Options
    "cli.option.article": {
        "en": "an article id from the library, or a file to import and open",
        "ar": "معرّف مقال في المكتبة، أو ملف يُستورد ثم يُفتح",
    },
    "cli.option.library": {
        "en": "the library database (default: $RTL_READER_LIBRARY, else the user data "
        "folder, e.g. ~/.local/share/rtl-reader/library.sqlite3)",
        "ar": "قاعدة بيانات المكتبة (افتراضياً: $RTL_READER_LIBRARY، وإلا فمجلد بيانات "
        "المستخدم، مثل ~/.local/share/rtl-reader/library.sqlite3)",
    },
    "cli.option.library_after": {
        "en": "the library database (as before the action)",
        "ar": "قاعدة بيانات المكتبة (كما قبل الإجراء)",
    },
    "cli.option.app_bidi": {
        "en": "the output strategy: app (the reader shapes and orders Arabic), terminal "
        "(logical text; the terminal does both), shaped, shaped-mirrored, words (for "
        "terminals with bidi of their own), auto (from what the terminal is, or the choice "
        "saved for it; default). `rtl-reader doctor` shows and sets it",
        "ar": "طريقة الإخراج: app (القارئ يصل الحروف العربية ويرتبها)، terminal (نص منطقي؛ "
        "الطرفية تفعل الأمرين)، shaped و shaped-mirrored و words (لطرفيات لها اتجاهها "
        "الخاص)، auto (بحسب الطرفية أو الاختيار المحفوظ لها؛ الافتراضي). "
        "`rtl-reader doctor` يعرضها ويضبطها",
    },
    "cli.option.bidi": {
        "en": "the output strategy, as the app's --bidi: app (shape and reorder Arabic "
        "here), terminal (logical text for terminals that do bidi and shaping themselves), "
        "shaped, shaped-mirrored, shaped-rlm, words; auto (default: on a terminal the one "
        "the app takes there, in a pipe or a file app)",
        "ar": "طريقة الإخراج، كما في --bidi للتطبيق: app (يصل القارئ الحروف العربية "
        "ويرتبها)، terminal (نص منطقي لطرفيات ترتب النص وتصل حروفه بنفسها)، shaped و "
        "shaped-mirrored و shaped-rlm و words؛ auto (الافتراضي: على طرفية ما يختاره "
        "التطبيق لها، وفي أنبوب أو ملف app)",
    },
    "cli.option.harakat": {"en": "keep or strip harakat (vowel marks)",
                           "ar": "إبقاء الحركات (علامات التشكيل) أو حذفها"},
    "cli.option.no_shape": {
        "en": "do not join Arabic letters (for fonts or terminals that shape)",
        "ar": "لا تصل الحروف العربية (للخطوط أو الطرفيات التي تصلها بنفسها)",
    },
    "cli.option.measure": {
        "en": "the widest the article text gets, in columns (default 72)",
        "ar": "أقصى عرض لنص المقال، بالأعمدة (افتراضياً 72)",
    },
    "cli.option.lang": {"en": "interface language (default: from the locale)",
                        "ar": "لغة الواجهة (افتراضياً: لغة النظام)"},
    "cli.option.digits": {
        "en": "digits of the interface's own numbers: western 0-9 (default, as most Arabic "
        "news sites print them) or eastern ٠-٩; article text keeps its own",
        "ar": "أرقام الواجهة: غربية 0-9 (الافتراضي، كما تطبعها معظم المواقع الإخبارية "
        "العربية) أو مشرقية ٠-٩؛ ويبقى لنص المقال أرقامه",
    },
    "cli.option.width": {
        "en": "line width in cells, {low} to {high} (default: the terminal's, or 80 when "
        "not a terminal)",
        "ar": "عرض السطر بالخلايا، من {low} إلى {high} (افتراضياً: عرض الطرفية، أو 80 "
        "خارجها)",
    },
    "cli.option.cat_article": {
        "en": "an article file (.txt, .html, .json, .jsonl), a library id, or - for standard "
        "input (laid out as it is)",
        "ar": "ملف مقال (.txt أو .html أو .json أو .jsonl)، أو معرّف في المكتبة، أو - "
        "للدخل القياسي (يُنسق كما هو)",
    },
    "cli.option.raw": {"en": "lay the file out as it is, without reading it as an article",
                       "ar": "نسّق الملف كما هو، دون قراءته مقالاً"},
    "cli.option.choose": {"en": "save STRATEGY for this terminal without asking ({modes})",
                          "ar": "احفظ STRATEGY لهذه الطرفية دون سؤال ({modes})"},
    "cli.option.no_ask": {"en": "only print; do not ask which line reads right",
                          "ar": "اطبع فقط، ولا تسأل أي سطر يُقرأ صحيحاً"},
    "cli.option.sample_width": {
        "en": "width of the sample lines (default: the terminal's)",
        "ar": "عرض أسطر المثال (افتراضياً: عرض الطرفية)",
    },
    "cli.option.export": {"en": "write all drafts as JSON", "ar": "اكتب كل المسودات بصيغة JSON"},
    "cli.option.delete": {"en": "delete one article's draft", "ar": "احذف مسودة مقال واحد"},
    "cli.option.format": {
        "en": "json: everything stored; wp-rest: bodies for POST /wp-json/wp/v2/comments "
        "(default: json)",
        "ar": "الصيغة json: كل ما هو محفوظ؛ wp-rest: طلبات POST /wp-json/wp/v2/comments "
        "(افتراضياً: json)",
    },
    "cli.option.output": {"en": "file to write (default: standard output)",
                          "ar": "الملف الذي يُكتب (افتراضياً: الخرج القياسي)"},
    "cli.option.draft_article": {
        "en": "the article's id, or a unique prefix of it (as listed)",
        "ar": "معرّف المقال، أو بدايته إن لم تشترك فيها مقالات أخرى (كما في القائمة)",
    },
    "cli.option.paths": {
        "en": "article files (.txt, .html, .json, .jsonl) or folders, searched recursively",
        "ar": "ملفات مقالات (.txt أو .html أو .json أو .jsonl) أو مجلدات يُبحث فيها بما "
        "فيها من مجلدات",
    },
    "cli.option.related_article": {
        "en": "a library id (or a unique prefix of one) or an article file",
        "ar": "معرّف في المكتبة (أو بداية لا يشترك فيها غيره) أو ملف مقال",
    },
    "cli.option.top": {
        "en": "at most N similar articles (fewer when fewer are related enough)",
        "ar": "على الأكثر N مقالاً مشابهاً (أقل إن قلّ ما هو قريب بما يكفي)",
    },
    "cli.option.query": {"en": "words to look for", "ar": "الكلمات المبحوث عنها"},
    "cli.option.limit": {"en": "at most N hits", "ar": "على الأكثر N نتيجة"},
    "cli.import.epilog": {
        "en": "Exit status 1 when any file could not be imported (the rest are).",
        "ar": "حالة الخروج 1 إن تعذر استيراد أي ملف (ويُستورد الباقي).",
    },
    # Values the command line checks
    "cli.error.not_a_number": {"en": "not a whole number: {value}",
                               "ar": "ليس عدداً صحيحاً: {value}"},
    "cli.error.out_of_range": {"en": "must be between {low} and {high}, not {value}",
                               "ar": "يجب أن يكون بين {low} و {high}، لا {value}"},
    "cli.error.empty_article": {
        "en": "an article id (or a file) is needed, not an empty string",
        "ar": "يلزم معرّف مقال (أو ملف)، لا نص فارغ",
    },
    "cli.library.created": {"en": "created a new library at {path}",
                            "ar": "أُنشئت مكتبة جديدة في {path}"},
    # Reading input files (cat; the import too, see below)
    "cli.input.stdin": {"en": "<stdin>", "ar": "<الدخل القياسي>"},
    "cli.input.too_large": {"en": "file is too large ({size} bytes; limit {limit})",
                            "ar": "الملف كبير جداً ({size} بايت؛ الحد {limit})"},
    "cli.input.unreadable": {"en": "cannot be read", "ar": "تتعذر قراءته"},
    "cli.input.directory": {"en": "is a directory, not a text file",
                            "ar": "مجلد، لا ملف نصي"},
    "cli.input.missing": {"en": "no such file", "ar": "لا ملف بهذا الاسم"},
    "cli.app.no_terminal": {
        "en": "the reader draws on a terminal, and standard input or output is none; "
              "to print an article: rtl-reader cat ARTICLE",
        "ar": "يرسم القارئ على طرفية، والدخل أو الخرج القياسي ليس طرفية؛ "
              "لطباعة مقال: rtl-reader cat ARTICLE"},
    "cli.input.denied": {"en": "permission denied", "ar": "لا إذن بقراءته"},
    "cli.input.long_line": {
        "en": "{where}: line {line} is longer than {limit} bytes; laid out in parts of "
        "at most that size",
        "ar": "{where}: السطر {line} أطول من {limit} بايت؛ نُسّق أجزاءً لا يتجاوز "
        "كل منها ذلك",
    },
    "cli.input.binary": {"en": "binary data (NUL byte at offset {offset}), not text",
                         "ar": "بيانات ثنائية (بايت NUL عند الموضع {offset})، لا نص"},
    "cli.input.invalid_utf8": {"en": "invalid UTF-8 at byte offset {offset}",
                               "ar": "ترميز UTF-8 غير صالح عند البايت {offset}"},
    "cli.input.legacy": {"en": "not UTF-8; read as {encoding}",
                         "ar": "ليس UTF-8؛ قُرئ بترميز {encoding}"},
    # Reading article files and importing them: said by the parsers, the import and the
    # library as reader.i18n.Sentence (a key and its values), in the language of the place
    # that shows them. "cli.input.too_large", "cli.input.missing", "cli.input.binary" and
    # "cli.input.legacy" above are said there too.
    "input.invalid_encoding": {
        "en": "invalid UTF-8 at byte offset {offset} (and not Windows-1256 or ISO-8859-6 "
        "Arabic text either)",
        "ar": "ترميز UTF-8 غير صالح عند البايت {offset} (وليس نصاً عربياً بترميز "
        "Windows-1256 أو ISO-8859-6 أيضاً)",
    },
    "input.directory": {"en": "is a directory, not an article file",
                        "ar": "مجلد، لا ملف مقال"},
    "input.cannot_read": {"en": "cannot read ({reason})", "ar": "تتعذر قراءته ({reason})"},
    "input.cannot_be_read": {"en": "cannot be read ({reason})", "ar": "تتعذر قراءته ({reason})"},
    "input.empty": {"en": "empty file (no article)", "ar": "ملف فارغ (لا مقال فيه)"},
    "input.only_controls": {"en": "no article text (only control characters)",
                            "ar": "لا نص للمقال (محارف تحكم فقط)"},
    "input.blank": {"en": "no article text (the file is empty or blank)",
                    "ar": "لا نص للمقال (الملف فارغ أو ليس فيه إلا فراغات)"},
    "input.and_one_more": {"en": "{problem} (and 1 more problem)",
                           "ar": "{problem} (ومشكلة أخرى)"},
    "input.and_more": {"en": "{problem} (and {count} more problems)",
                       "ar": "{problem} (ومشكلات أخرى: {count})"},
    "input.line": {"en": "line {line}: {problem}", "ar": "السطر {line}: {problem}"},
    "input.item": {"en": "item {item}: {problem}", "ar": "العنصر {item}: {problem}"},
    "input.record_too_large": {"en": "record too large (over {limit} bytes)",
                               "ar": "سجل أكبر من اللازم (أكثر من {limit} بايت)"},
    "input.invalid_utf8_byte": {"en": "invalid UTF-8 at byte {byte}",
                                "ar": "ترميز UTF-8 غير صالح عند البايت {byte}"},
    "input.html_unreadable": {"en": "not a readable HTML page ({detail})",
                              "ar": "ليست صفحة HTML مقروءة ({detail})"},
    "input.html_no_text": {"en": "no article text found in the HTML page",
                           "ar": "لم يوجد نص مقال في صفحة HTML"},
    "input.page_no_text": {
        "en": "no title or text: the page holds only navigation and forms",
        "ar": "لا عنوان ولا نص: ليس في الصفحة إلا روابط التنقل والنماذج",
    },
    "input.json_too_deep": {
        "en": "JSON nested too deeply to be an article (over about 1,000 levels)",
        "ar": "نص JSON متداخل أعمق من أن يكون مقالاً (أكثر من نحو 1,000 مستوى)",
    },
    "input.json_invalid": {"en": "invalid JSON at line {line} column {column}: {detail}",
                           "ar": "نص JSON غير صالح في السطر {line}، العمود {column}: {detail}"},
    "input.json_invalid_column": {"en": "invalid JSON at column {column}: {detail}",
                                  "ar": "نص JSON غير صالح في العمود {column}: {detail}"},
    "input.json_not_articles": {
        "en": "expected a JSON object or list of objects, found {kind}",
        "ar": "المتوقع كائن JSON أو قائمة كائنات، والموجود {kind}",
    },
    "input.json_empty_list": {"en": "empty JSON list (no article)",
                              "ar": "قائمة JSON فارغة (لا مقال فيها)"},
    "input.json_not_object": {"en": "expected a JSON object, found {kind}",
                              "ar": "المتوقع كائن JSON، والموجود {kind}"},
    "input.json_no_title_or_text": {"en": "no title and no text",
                                    "ar": "لا عنوان ولا نص"},
    "input.field_not_string": {"en": 'field "{field}" should be a string, found {kind}',
                               "ar": 'الحقل "{field}" يجب أن يكون نصاً، والموجود {kind}'},
    "input.field_not_strings": {"en": 'field "{field}" should be a list of strings',
                                "ar": 'الحقل "{field}" يجب أن يكون قائمة نصوص'},
    "input.field_not_list": {"en": 'field "{field}" should be a list',
                             "ar": 'الحقل "{field}" يجب أن يكون قائمة'},
    "input.field_not_link": {"en": 'field "{field}" holds {kind}, not a link',
                             "ar": 'الحقل "{field}" فيه {kind}، لا رابط'},
    "input.field_not_object": {"en": 'field "{field}" should be an object, found {kind}',
                               "ar": 'الحقل "{field}" يجب أن يكون كائناً، والموجود {kind}'},
    "input.field_not_positive": {
        "en": 'field "{field}" should be a positive whole number',
        "ar": 'الحقل "{field}" يجب أن يكون عدداً صحيحاً موجباً',
    },
    "input.kind.object": {"en": "an object", "ar": "كائن"},
    "input.kind.list": {"en": "a list", "ar": "قائمة"},
    "input.kind.string": {"en": "a string", "ar": "نص"},
    "input.kind.boolean": {"en": "true/false", "ar": "قيمة منطقية (true/false)"},
    "input.kind.null": {"en": "null", "ar": "لا قيمة (null)"},
    "input.kind.number": {"en": "a number", "ar": "عدد"},
    "import.loop": {"en": "a link to a folder already walked (a loop); not walked again",
                    "ar": "رابط إلى مجلد قُرئ من قبل (حلقة)؛ لا يُقرأ ثانية"},
    "import.too_deep": {"en": "nested more than {depth} folders deep; not walked",
                        "ar": "أعمق من الحد للمجلدات المتداخلة ({depth})؛ لم يُقرأ"},
    "import.folder_unreadable": {"en": "cannot read the folder ({reason})",
                                 "ar": "تتعذر قراءة المجلد ({reason})"},
    "import.not_regular": {"en": "not a regular file", "ar": "ليس ملفاً عادياً"},
    "import.not_article_kind": {"en": "not a kind of file the reader reads ({kind})",
                                "ar": "ليس من أنواع الملفات التي يقرؤها القارئ ({kind})"},
    "import.no_extension": {"en": "no extension", "ar": "بلا امتداد"},
    "import.self_link": {"en": "a link that leads back to itself; skipped",
                         "ar": "رابط يعود إلى نفسه؛ تُرك"},
    "import.broken_link": {"en": "a link to {target}, which does not exist; skipped",
                           "ar": "رابط إلى {target}، وهو غير موجود؛ تُرك"},
    "import.missing": {"en": "no such file or folder", "ar": "لا ملف ولا مجلد بهذا الاسم"},
    "import.failed": {"en": "could not be read ({kind}: {detail})",
                      "ar": "تعذرت قراءته ({kind}: {detail})"},
    "import.failed_bare": {"en": "could not be read ({kind})", "ar": "تعذرت قراءته ({kind})"},
    "import.no_article": {"en": "no article found in the file", "ar": "لم يوجد مقال في الملف"},
    "import.not_imported": {"en": "not imported: {reason}", "ar": "لم يُستورد: {reason}"},
    "import.index_stopped": {"en": "the process building the search index stopped",
                             "ar": "توقفت العملية التي تبني فهرس البحث"},
    "import.index_tables_missing": {"en": "the library lacks its index tables",
                                    "ar": "جداول الفهرس ناقصة في المكتبة"},
    "import.index_failed": {"en": "{kind}: {detail}",
                            "ar": "تعذر بناء فهرس البحث ({kind}: {detail})"},
    "library.no_article_found": {"en": "no article found", "ar": "لم يوجد مقال"},
    "library.no_such_ref": {"en": "no such article id in the library, nor a file",
                            "ar": "لا مقال بهذا المعرّف في المكتبة، ولا ملف بهذا الاسم"},
    "library.no_such_article": {"en": "no article {id} in the library",
                                "ar": "لا مقال {id} في المكتبة"},
    "library.unreadable_article": {
        "en": "library {library}: the stored article {id} cannot be read ({reason})",
        "ar": "المكتبة {library}: تتعذر قراءة المقال المحفوظ {id} ({reason})",
    },
    "library.problem": {"en": "library {library}: {problem}",
                        "ar": "المكتبة {library}: {problem}"},
    "library.no_folder": {"en": "cannot create its folder ({reason})",
                          "ar": "يتعذر إنشاء مجلدها ({reason})"},
    "library.folder_read_only": {
        "en": "its folder is read-only (a new library cannot be made there)",
        "ar": "مجلدها للقراءة فقط (لا يمكن إنشاء مكتبة جديدة فيه)",
    },
    "library.not_sqlite": {"en": "not an SQLite database (the file was not replaced)",
                           "ar": "ليست قاعدة بيانات SQLite (لم يُستبدل الملف)"},
    "library.cannot_write": {"en": "cannot write ({reason})",
                             "ar": "تتعذر الكتابة فيها ({reason})"},
    "library.damaged": {"en": "damaged database ({reason}); the file was not replaced",
                        "ar": "قاعدة بيانات تالفة ({reason})؛ لم يُستبدل الملف"},
    "library.no_wal": {"en": "cannot use write-ahead logging (journal mode {mode})",
                       "ar": "يتعذر استعمال سجل الكتابة المسبقة (وضع السجل {mode})"},
    "library.newer": {
        "en": "written by a newer rtl-reader (schema {schema}; this version knows up to {latest})",
        "ar": "كتبها إصدار أحدث من rtl-reader (المخطط {schema}؛ يعرف هذا الإصدار حتى {latest})",
    },
    "library.older_read_only": {
        "en": "read-only, and written by an older rtl-reader: open it once where it can be "
        "written, to bring it up to date",
        "ar": "للقراءة فقط، وكتبها إصدار أقدم من rtl-reader: افتحها مرة حيث تمكن الكتابة "
        "فيها لتحديثها",
    },
    "library.read_only_import": {"en": "opened read-only; cannot import into it",
                                 "ar": "فُتحت للقراءة فقط؛ لا يمكن الاستيراد إليها"},
    "library.id_needed": {"en": "an article id is needed, not an empty string",
                          "ar": "يلزم معرّف مقال، لا نص فارغ"},
    "library.skipped_article": {"en": "skipped the stored article {article}: {why}",
                                "ar": "تُرك المقال المحفوظ {article}: {why}"},
    "library.row_not_text": {"en": "its id, title, date or source is not text",
                             "ar": "معرّفه أو عنوانه أو تاريخه أو مصدره ليس نصاً"},
    # the comment drafts' store
    "comment.store.skipped": {
        "en": "skipped the stored draft for {article}: not a readable draft ({reason})",
        "ar": "تُركت المسودة المحفوظة للمقال {article}: مسودة لا تُقرأ ({reason})",
    },
    "comment.store.conflict": {
        "en": "the draft for {article} was changed elsewhere (now at revision {revision})",
        "ar": "تغيّرت مسودة المقال {article} في مكان آخر (المراجعة الآن {revision})",
    },
    "comment.store.cannot_save": {"en": "cannot save the draft: {detail}",
                                  "ar": "تعذر حفظ المسودة: {detail}"},
    # --library naming what cannot be a library file ({option} is "--library", a value so
    # that it reads as typed, left to right, inside an Arabic sentence)
    "library.path.is_folder": {
        "en": "{option} {path}: is a folder; name the library file in it (e.g. {example})",
        "ar": "الخيار {option} {path}: هذا مجلد؛ سمِّ ملف المكتبة فيه (مثلاً {example})",
    },
    "library.path.no_folder": {"en": "{option} {path}: the folder {folder} does not exist",
                               "ar": "الخيار {option} {path}: المجلد {folder} غير موجود"},
    "library.path.not_a_folder": {
        "en": "{option} {path}: the folder {folder} is not a folder",
        "ar": "الخيار {option} {path}: {folder} ليس مجلداً",
    },
    "library.path.unusable": {"en": "{option} {path}: {reason}",
                              "ar": "الخيار {option} {path}: لا يصلح ({reason})"},
    "library.path.unusable_bare": {"en": "{option} {path}: cannot be used",
                                   "ar": "الخيار {option} {path}: لا يصلح"},
    "library.ambiguous_id": {
        "en": "{ref} is the start of more than one id ({ids}); give more of the id",
        "ar": "{ref} بداية أكثر من معرّف ({ids})؛ اكتب من المعرّف أكثر",
    },
    # import
    "cli.import.progress": {"en": "importing", "ar": "جارٍ الاستيراد"},
    "cli.import.writing": {"en": "writing the index", "ar": "جارٍ حفظ الفهرس"},
    "cli.import.skipped": {"en": "skipped {file}", "ar": "تُرك {file}"},
    "cli.import.skipped_more": {
        "en": "skipped {count} more files of kinds the reader does not read",
        "ar": "تُرك {count} ملفاً آخر من أنواع لا يقرؤها القارئ",
    },
    "cli.import.summary": {
        "en": "{imported} imported, {duplicates} already in the library, {problems}{skipped}",
        "ar": "استُورد {imported}، و{duplicates} في المكتبة من قبل، {problems}{skipped}",
    },
    "cli.import.problem": {"en": "{count} problem", "ar": "مشكلات: {count}"},
    "cli.import.problems": {"en": "{count} problems", "ar": "مشكلات: {count}"},
    "cli.import.skipped_count": {"en": ", {count} skipped", "ar": "، متروكة: {count}"},
    # list, search, related, drafts
    "cli.search.none": {"en": "no article matches {query}", "ar": "لا مقال يطابق {query}"},
    "cli.related.header": {"en": "related to {id}", "ar": "ذات صلة بـ {id}"},
    "cli.related.page": {"en": "page", "ar": "الصفحة"},
    "cli.related.shared": {"en": "shared terms:", "ar": "كلمات مشتركة:"},
    "cli.drafts.recovered": {
        "en": "{count} draft(s) that could not be saved to the library are in {where}",
        "ar": "مسودات تعذر حفظها في المكتبة: {count}، وهي في {where}",
    },
    "cli.drafts.none": {"en": "no drafts", "ar": "لا مسودات"},
    "cli.drafts.ready": {"en": "ready", "ar": "جاهزة"},
    "cli.drafts.not_ready": {"en": "not ready", "ar": "غير جاهزة"},
    "cli.drafts.cannot_write": {"en": "{file}: cannot write ({reason})",
                                "ar": "{file}: تتعذر الكتابة ({reason})"},
    "cli.drafts.no_draft": {"en": "no draft for article {article}",
                            "ar": "لا مسودة للمقال {article}"},
    "cli.drafts.deleted": {"en": "deleted the draft for {article}",
                           "ar": "حُذفت مسودة المقال {article}"},
    # doctor
    "cli.doctor.terminal": {"en": "terminal: {kind}", "ar": "الطرفية: {kind}"},
    "cli.doctor.inside_tmux": {"en": "{terminal} (inside tmux)", "ar": "{terminal} (داخل tmux)"},
    "cli.doctor.found_from": {"en": "found from: {evidence}", "ar": "عُرفت من: {evidence}"},
    # what told the reader which terminal it is in (tmux's names as tmux spells them)
    "terminal.evidence.client_termname": {"en": "tmux client_termname: {found}",
                                          "ar": "قيمة client_termname لعميل tmux: {found}"},
    "terminal.evidence.client_environment": {"en": "tmux client environment: {found}",
                                             "ar": "بيئة عميل tmux: {found}"},
    "terminal.evidence.no_client": {"en": "tmux: no client attached",
                                    "ar": "لا عميل متصلاً بجلسة tmux"},
    "cli.doctor.tmux_client": {
        "en": "tmux client_termname={termname} client_termtype={termtype} client environment "
        "{environment}",
        "ar": "عميل tmux: client_termname={termname} client_termtype={termtype}، بيئة "
        "العميل {environment}",
    },
    "cli.doctor.read": {"en": "read", "ar": "مقروءة"},
    "cli.doctor.unreadable": {"en": "unreadable", "ar": "غير مقروءة"},
    "cli.doctor.not_inherited": {
        "en": "(variables inherited from where tmux was started are not used)",
        "ar": "(لا تُستعمل المتغيرات الموروثة من حيث بدأ tmux)",
    },
    "cli.doctor.environment": {"en": "this process's environment: {hints}",
                               "ar": "بيئة هذه العملية: {hints}"},
    "cli.doctor.picks": {"en": "--bidi auto picks: {mode} ({how})",
                         "ar": "يختار --bidi auto: {mode} ({how})"},
    "cli.doctor.how.auto": {"en": "from the table of terminals", "ar": "من جدول الطرفيات"},
    "cli.doctor.how.saved": {"en": "the choice saved for this terminal",
                             "ar": "الاختيار المحفوظ لهذه الطرفية"},
    "cli.doctor.passthrough": {
        "en": "behind tmux: mlterm's own layout is switched off through tmux's passthrough,"
              " which the reader allows for its own pane while it runs",
        "ar": "داخل tmux: يُطفأ ترتيب mlterm نفسه عبر تمرير tmux، الذي يسمح به القارئ للوحته"
              " وحدها ما دام يعمل",
    },
    "cli.doctor.harakat": {"en": "harakat, when not chosen with --harakat: {value}",
                           "ar": "الحركات إن لم تُختر بالخيار --harakat: {value}"},
    "cli.doctor.harakat_overdrawn": {
        "en": "this terminal draws a letter carrying a haraka over its neighbours:"
              " --harakat keep keeps them all the same",
        "ar": "هذه الطرفية ترسم الحرف الذي يحمل حركة فوق الحروف المجاورة له:"
              " الخيار --harakat keep يبقيها مع ذلك",
    },
    "cli.doctor.setting_unseen": {
        "en": "this terminal has a bidi setting no program can see: check the lines below",
        "ar": "لهذه الطرفية إعداد اتجاه لا يراه أي برنامج: انظر الأسطر أدناه",
    },
    "cli.doctor.saved": {"en": "saved choices ({path}): {choices}",
                         "ar": "الاختيارات المحفوظة ({path}): {choices}"},
    "cli.doctor.none": {"en": "none", "ar": "لا شيء"},
    "cli.doctor.which": {
        "en": "Which line reads right? (the same sentence as each strategy sends it)",
        "ar": "أي سطر يُقرأ صحيحاً؟ (الجملة نفسها كما ترسلها كل طريقة)",
    },
    "cli.doctor.ask": {"en": "number of the line that reads right (Enter keeps {mode}):",
                       "ar": "رقم السطر الذي يُقرأ صحيحاً (Enter يُبقي {mode}):"},
    "cli.doctor.not_saved": {"en": "could not save the choice: {error}",
                             "ar": "تعذر حفظ الاختيار: {error}"},
    "cli.doctor.saved_for": {"en": "saved for this terminal ({terminal}): {mode}  [{path}]",
                             "ar": "حُفظ لهذه الطرفية ({terminal}): {mode}  [{path}]"},
    # Screens and panes
    "app.title": {"en": "rtl-reader", "ar": "قارئ النصوص العربية"},
    "library.title": {"en": "Library", "ar": "المكتبة"},
    "library.search": {"en": "Search the library", "ar": "ابحث في المكتبة"},
    "library.empty": {"en": "The library is empty.", "ar": "المكتبة فارغة."},
    "library.no_hits": {"en": "Nothing found.", "ar": "لا نتائج."},
    "library.continue": {"en": "Continue reading: {title}", "ar": "تابع القراءة: {title}"},
    "library.count": {"en": "{count} articles", "ar": "عدد المقالات: {count}"},
    "library.status": {
        "en": "{count} articles · sorted by {sort} (s to change)",
        "ar": "عدد المقالات: {count} · الترتيب حسب {sort} (s للتغيير)",
    },
    "library.hits": {"en": "{count} found", "ar": "النتائج: {count}"},
    "sort.date": {"en": "date, newest first", "ar": "التاريخ، الأحدث أولاً"},
    "sort.title": {"en": "title", "ar": "العنوان"},
    "sort.source": {"en": "source", "ar": "المصدر"},
    "delete.question": {
        "en": "Delete this article from the library?",
        "ar": "أتحذف هذا المقال من المكتبة؟",
    },
    "delete.draft_kept": {
        "en": "It has a comment draft: kept unless you delete it too.",
        "ar": "له مسودة تعليق: تبقى محفوظة ما لم تحذفها معه.",
    },
    "delete.yes": {"en": "Delete", "ar": "احذف"},
    "delete.with_draft": {"en": "Delete with its draft", "ar": "احذف مع المسودة"},
    "delete.no": {"en": "Keep", "ar": "أبقِه"},
    "msg.deleted": {"en": "Deleted: {title}", "ar": "حُذف: {title}"},
    "pane.article": {"en": "Article", "ar": "المقال"},
    "pane.related": {"en": "Related links", "ar": "روابط ذات صلة"},
    "pane.comment": {"en": "Comment draft", "ar": "مسودة تعليق"},
    "related.none": {"en": "No related links.", "ar": "لا روابط ذات صلة."},
    "related.looking": {"en": "Looking for related articles…",
                        "ar": "جارٍ البحث عن مقالات ذات صلة…"},
    "related.stored": {"en": "in the library", "ar": "في المكتبة"},
    "related.external": {"en": "external link", "ar": "رابط خارجي"},
    "comment.none": {
        "en": "This article has no comment form.",
        "ar": "لا نموذج تعليق لهذا المقال.",
    },
    # The comment form. The English strings follow WordPress core's own
    # (wp-comments-post.php, wp_handle_comment_submission()); the Arabic ones say the
    # same in the words Arabic WordPress sites show (the seed page's "اترك تعليقاً"
    # heading and its "لن يتم نشر عنوان بريدك الإلكتروني" note). The form's
    # validation names its errors by the part after "comment." (error.email.invalid).
    "comment.heading": {"en": "Leave a Reply", "ar": "اترك تعليقاً"},
    "comment.note": {
        "en": "Your email address will not be published. Required fields are marked *",
        "ar": "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    },
    "comment.label.comment": {"en": "Comment", "ar": "التعليق"},
    "comment.label.author": {"en": "Name", "ar": "الاسم"},
    "comment.label.email": {"en": "Email", "ar": "البريد الإلكتروني"},
    "comment.label.url": {"en": "Website", "ar": "الموقع الإلكتروني"},
    "comment.label.remember": {
        "en": "Save my name, email, and website for the next time I comment.",
        "ar": "احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح "
        "لاستخدامها المرة المقبلة في تعليقي.",
    },
    "comment.error.comment.required": {
        "en": "Error: Please type your comment text.",
        "ar": "خطأ: يرجى كتابة نص تعليقك.",
    },
    "comment.error.author.required": {
        "en": "Error: Please fill the required fields.",
        "ar": "خطأ: يرجى ملء الحقول المطلوبة.",
    },
    "comment.error.email.required": {
        "en": "Error: Please fill the required fields.",
        "ar": "خطأ: يرجى ملء الحقول المطلوبة.",
    },
    "comment.error.email.invalid": {
        "en": "Error: Please enter a valid email address.",
        "ar": "خطأ: يرجى إدخال عنوان بريد إلكتروني صالح.",
    },
    "comment.error.url.invalid": {
        "en": "Error: Please enter a valid website address.",
        "ar": "خطأ: يرجى إدخال عنوان موقع صالح.",
    },
    "comment.error.comment.too_long": {
        "en": "Error: Your comment is too long.",
        "ar": "خطأ: تعليقك طويل جداً.",
    },
    "comment.error.author.too_long": {
        "en": "Error: Your name is too long.",
        "ar": "خطأ: اسمك طويل جداً.",
    },
    "comment.error.email.too_long": {
        "en": "Error: Your email address is too long.",
        "ar": "خطأ: عنوان بريدك الإلكتروني طويل جداً.",
    },
    "comment.error.url.too_long": {
        "en": "Error: Your URL is too long.",
        "ar": "خطأ: عنوان موقعك طويل جداً.",
    },
    "comment.bytes": {"en": "{used} / {limit} bytes", "ar": "{used} / {limit} بايت"},
    "comment.status.ready": {"en": "Ready to send", "ar": "جاهز للإرسال"},
    "comment.status.not_ready": {
        "en": "Not ready: {count} problem(s)",
        "ar": "غير جاهز (المشكلات: {count})",
    },
    "comment.status.saved": {"en": "Draft saved {time}", "ar": "حُفظت المسودة {time}"},
    "comment.status.unsaved": {"en": "Unsaved changes", "ar": "تغييرات غير محفوظة"},
    "comment.status.save_failed": {
        "en": "Cannot save the draft ({reason}); it is kept here and saving will be retried",
        "ar": "تعذر حفظ المسودة ({reason})؛ النص محفوظ هنا وسيعاد الحفظ تلقائياً",
    },
    "comment.status.conflict": {
        "en": "This draft was changed in another window. Keep mine (ctrl+k) or take "
        "theirs (ctrl+t)? Both texts are kept.",
        "ar": "عُدّلت هذه المسودة في نافذة أخرى. احتفظ بنصي (ctrl+k) أو خذ نصهم "
        "(ctrl+t)؟ يُحفظ النصان كلاهما.",
    },
    "comment.status.resolved_mine": {
        "en": "Kept your text; the other version is kept in the library.",
        "ar": "احتُفظ بنصك؛ والنسخة الأخرى محفوظة في المكتبة.",
    },
    "comment.status.resolved_theirs": {
        "en": "Took the other text; yours is kept in the library.",
        "ar": "أُخذ النص الآخر؛ ونصك محفوظ في المكتبة.",
    },
    "comment.status.restored": {
        "en": "Restored the other version; the text it replaced is kept in the library.",
        "ar": "استُعيدت النسخة الأخرى؛ والنص الذي حلّت محله محفوظ في المكتبة.",
    },
    "comment.banner.conflict": {
        "en": "This draft was changed in another window meanwhile; both texts are kept. "
        "ctrl+k keep mine · ctrl+t take the other · ctrl+o view the other",
        "ar": "عُدّلت هذه المسودة في نافذة أخرى في الأثناء، والنصان محفوظان. "
        "ctrl+k احتفظ بنصي · ctrl+t خذ النص الآخر · ctrl+o اعرض النص الآخر",
    },
    "comment.banner.readonly_kept": {
        "en": "The library is read-only: this draft is kept in {path} instead, as you type.",
        "ar": "المكتبة للقراءة فقط: تُحفظ هذه المسودة بدلاً من ذلك في {path} أثناء الكتابة.",
    },
    "comment.banner.recovered": {
        "en": "A draft of this comment that could not be saved ({when}) was recovered. "
        "ctrl+o to view and restore it.",
        "ar": "استُرجعت مسودة لهذا التعليق تعذّر حفظها ({when}). "
        "ctrl+o لعرضها واستعادتها.",
    },
    "comment.banner.kept": {
        "en": "Other versions of this draft kept: {count}, the latest from {when}. "
        "ctrl+o to view and restore.",
        "ar": "نسخ أخرى محفوظة من هذه المسودة: {count}، آخرها من {when}. "
        "ctrl+o للعرض والاستعادة.",
    },
    "comment.version.theirs": {
        "en": "The text saved in the other window:",
        "ar": "النص المحفوظ في النافذة الأخرى:",
    },
    "comment.version.conflict": {
        "en": "Version {number} of {count}: a text that lost a conflicting save ({when}):",
        "ar": "النسخة {number} من {count}: نص لم يُحفظ لتعارضه مع حفظ آخر ({when}):",
    },
    "comment.version.replaced": {
        "en": "Version {number} of {count}: a text replaced by another ({when}):",
        "ar": "النسخة {number} من {count}: نص حلّ محله نص آخر ({when}):",
    },
    "comment.version.recovered": {
        "en": "Version {number} of {count}: recovered after a failed save ({when}):",
        "ar": "النسخة {number} من {count}: مسترجعة بعد تعذّر الحفظ ({when}):",
    },
    "comment.version.empty": {"en": "(no comment text)", "ar": "(لا نص للتعليق)"},
    "comment.version.take": {"en": "Take this text", "ar": "خذ هذا النص"},
    "comment.version.keep_mine": {"en": "Keep mine", "ar": "احتفظ بنصي"},
    "comment.version.restore": {"en": "Restore this version", "ar": "استعد هذه النسخة"},
    "comment.version.older": {"en": "Older", "ar": "الأقدم"},
    "comment.version.close": {"en": "Close", "ar": "إغلاق"},
    "comment.status.copied": {"en": "Copied {count} characters", "ar": "نُسخ {count} حرفاً"},
    "comment.reason.readonly": {"en": "the library is read-only", "ar": "المكتبة للقراءة فقط"},
    "comment.reason.readonly_kept": {
        "en": "the library is read-only; the draft is kept in {detail}",
        "ar": "المكتبة للقراءة فقط؛ المسودة محفوظة في {detail}",
    },
    "comment.reason.full": {"en": "the disk is full", "ar": "القرص ممتلئ"},
    "comment.reason.busy": {"en": "the library is busy", "ar": "المكتبة مشغولة"},
    "comment.reason.other": {"en": "library error: {detail}", "ar": "خطأ في المكتبة: {detail}"},
    "search.placeholder": {"en": "Find in the article", "ar": "ابحث في المقال"},
    "search.count": {"en": "{current}/{total} matches", "ar": "التطابق {current} من {total}"},
    "search.none": {"en": "No match for {query}", "ar": "لا تطابق لـ {query}"},
    # Messages
    "msg.copied_paragraph": {"en": "Paragraph copied", "ar": "نُسخت الفقرة"},
    "msg.copied_url": {"en": "Link copied: {url}", "ar": "نُسخ الرابط: {url}"},
    "msg.no_url": {"en": "This link has no address", "ar": "لا عنوان لهذا الرابط"},
    "msg.first_article": {"en": "This is the first article", "ar": "هذا أول مقال"},
    "msg.last_article": {"en": "This is the last article", "ar": "هذا آخر مقال"},
    # Ctrl+C with nothing to copy: the reader probably wanted to quit.
    "msg.how_to_quit": {"en": "Press {quit_key} to quit (drafts are saved first)",
                        "ar": "اضغط {quit_key} للخروج (تُحفظ المسودات أولاً)"},
    # What failed, then the library's or the engine's own words ({error})
    "error.open_article": {"en": "Cannot open the article: {error}",
                           "ar": "تعذر فتح المقال: {error}"},
    "error.save_position": {"en": "Cannot save the reading position: {error}",
                            "ar": "تعذر حفظ موضع القراءة: {error}"},
    "error.remember_article": {"en": "Cannot remember the article last read: {error}",
                               "ar": "تعذر حفظ آخر مقال مقروء: {error}"},
    "error.save_preferences": {"en": "Cannot save the preferences: {error}",
                               "ar": "تعذر حفظ التفضيلات: {error}"},
    "error.list_library": {"en": "Cannot read the library's list: {error}",
                           "ar": "تعذرت قراءة قائمة المكتبة: {error}"},
    "error.search": {"en": "Cannot search the library: {error}",
                     "ar": "تعذر البحث في المكتبة: {error}"},
    "error.delete": {"en": "Cannot delete the article: {error}",
                     "ar": "تعذر حذف المقال: {error}"},
    "error.related": {"en": "Cannot find the related articles: {error}",
                      "ar": "تعذر إيجاد المقالات ذات الصلة: {error}"},
    "error.layout": {"en": "Cannot lay out the article: {error}",
                     "ar": "تعذر تنسيق المقال: {error}"},
    "msg.setting": {"en": "{name}: {value}", "ar": "{name}: {value}"},
    "msg.laying_out": {"en": "Laying out… {done}/{total}", "ar": "جارٍ التنسيق… {done} من {total}"},
    "msg.loading_rest": {"en": "Loading the rest…", "ar": "جارٍ تحميل البقية…"},
    # Help
    "help.title": {"en": "Keys", "ar": "المفاتيح"},
    "help.bidi": {"en": "Bidi mode: {mode}. {reason}", "ar": "وضع الاتجاه: {mode}. {reason}"},
    "help.options": {
        "en": "Harakat: {harakat}. Shaping: {shape}. Measure: {measure} columns.",
        "ar": "الحركات: {harakat}. تشكيل الحروف: {shape}. عرض النص: {measure} عمودا.",
    },
    "help.harakat_auto": {
        "en": "Harakat stripped by auto: this terminal ({kind}) draws a letter carrying a"
              " haraka over its neighbours. --harakat keep (or the palette) keeps them.",
        "ar": "جرّد الوضع التلقائي الحركات: هذه الطرفية ({kind}) ترسم الحرف الذي يحمل حركة"
              " فوق الحروف المجاورة له. الخيار --harakat keep (أو لوحة الأوامر) يبقيها.",
    },
    "help.terminal_mlterm": {
        "en": "On mlterm, terminal mode draws the frames in ASCII, so that mlterm lays each"
              " pane's line out on its own; a line starting with a Latin word, and the"
              " source and date line, still read left to right. Auto's app mode reads"
              " right on mlterm.",
        "ar": "في mlterm يرسم وضع terminal الإطارات بحروف ASCII ليرتب mlterm كل سطر في كل"
              " جزء وحده؛ أما السطر الذي يبدأ بكلمة لاتينية وسطر المصدر والتاريخ فما زالا"
              " من اليسار إلى اليمين. الوضع التلقائي app صحيح في mlterm.",
    },
    "help.close": {"en": "Escape or ? closes this help.", "ar": "اضغط Escape أو ? للإغلاق."},
    "help.palette": {
        "en": "ctrl+p opens the command palette: bidi mode, harakat, shaping, measure, "
        "language, theme.",
        # Starts with an Arabic letter: a sentence starting with "ctrl+p" would be
        # a left-to-right paragraph (rule P2).
        "ar": "لوحة الأوامر (ctrl+p): وضع الاتجاه، الحركات، التشكيل، العرض، اللغة، السمة.",
    },
    # Why a bidi mode is active
    "bidi.reason.flag": {"en": "Chosen with --bidi or a saved preference.",
                         "ar": "اختير بالخيار --bidi أو بتفضيل محفوظ."},
    "bidi.reason.saved": {
        "en": "Chosen in the bidi chooser for this terminal ({hint}).",
        "ar": "اختير في نافذة اختيار الاتجاه لهذه الطرفية ({hint}).",
    },
    "bidi.reason.auto": {
        "en": "Picked by auto for this terminal ({hint}).",
        "ar": "اختاره الوضع التلقائي لهذه الطرفية ({hint}).",
    },
    "strategy.app": {
        "en": "The reader joins and orders the Arabic letters; the terminal draws cells as given.",
        "ar": "القارئ يصل الحروف العربية ويرتبها، والطرفية ترسم الخلايا كما تصلها.",
    },
    "strategy.terminal": {
        "en": "Logical text: the terminal joins and orders it itself (lam-alef and brackets"
              " sent as this terminal needs them).",
        "ar": "نص بترتيبه المنطقي: الطرفية تصل حروفه وترتبها بنفسها (مع لام ألف والأقواس"
              " كما تحتاجها هذه الطرفية).",
    },
    "strategy.shaped": {
        "en": "Logical order, letters joined by the reader: the terminal orders them.",
        "ar": "ترتيب منطقي وحروف يصلها القارئ: الطرفية ترتبها.",
    },
    "strategy.shaped-mirrored": {
        "en": "As shaped, brackets swapped for a terminal that does not mirror them.",
        "ar": "كالطريقة shaped، مع قلب الأقواس لطرفية لا تعكسها.",
    },
    "strategy.shaped-rlm": {
        "en": "As shaped, without the LRM after each line.",
        "ar": "كالطريقة shaped، دون علامة LRM بعد كل سطر.",
    },
    "strategy.words": {
        "en": "The reader's order, each Arabic word backwards: the terminal flips words.",
        "ar": "ترتيب القارئ، وكل كلمة عربية معكوسة: الطرفية تقلب الكلمات.",
    },
    "help.bidi_chooser": {
        "en": "Arabic looks wrong? b opens the bidi chooser: pick the line that reads right.",
        "ar": "النص العربي يبدو خطأ؟ اضغط b لفتح نافذة اختيار الاتجاه واختر السطر الصحيح.",
    },
    "chooser.title": {"en": "Which line reads right?", "ar": "أي سطر يُقرأ صحيحا؟"},
    "chooser.intro": {
        "en": "The same sentence, as each output strategy sends it. Press the number of the "
        "line that reads right (letters joined, right to left, brackets and the number in "
        "place); Escape keeps {mode}.",
        "ar": "الجملة نفسها كما ترسلها كل طريقة إخراج. اضغط رقم السطر الذي يُقرأ صحيحا "
        "(حروف متصلة، من اليمين إلى اليسار، الأقواس والرقم في مكانها)؛ Escape يُبقي {mode}.",
    },
    "chooser.saved": {"en": "Saved for this terminal: {mode}", "ar": "حُفظ لهذه الطرفية: {mode}"},
    "chooser.not_saved": {
        "en": "Using {mode}, but it could not be saved: {error}",
        "ar": "يُستخدم {mode}، لكن تعذر حفظه: {error}",
    },
    "palette.placeholder": {"en": "Search for commands…", "ar": "ابحث عن أمر…"},
    "palette.none": {"en": "No matches found", "ar": "لا أمر يطابق ما كُتب"},
    # Textual's own commands in the palette, by their English titles (Textual's words)
    "cmd.textual.Theme": {"en": "Theme", "ar": "السمة"},
    "cmd.textual.Theme.help": {"en": "Change the current theme", "ar": "غيّر سمة الألوان"},
    "cmd.textual.Quit": {"en": "Quit", "ar": "خروج"},
    "cmd.textual.Quit.help": {"en": "Quit the application as soon as possible",
                              "ar": "اخرج من التطبيق فوراً"},
    "cmd.textual.Maximize": {"en": "Maximize", "ar": "تكبير"},
    "cmd.textual.Maximize.help": {"en": "Maximize the focused widget",
                                  "ar": "كبّر الجزء المحدد ليملأ الشاشة"},
    "cmd.textual.Minimize": {"en": "Minimize", "ar": "تصغير"},
    "cmd.textual.Minimize.help": {"en": "Minimize the widget and restore to normal size",
                                  "ar": "أعد الجزء المكبّر إلى حجمه المعتاد"},
    "cmd.textual.Screenshot": {"en": "Screenshot", "ar": "لقطة شاشة"},
    "cmd.textual.Screenshot.help": {"en": "Save an SVG 'screenshot' of the current screen",
                                    "ar": "احفظ لقطة SVG للشاشة الحالية"},
    "cmd.bidi_chooser": {"en": "Bidi chooser: which line reads right?",
                         "ar": "اختيار الاتجاه: أي سطر يُقرأ صحيحا؟"},
    "cmd.bidi_chooser.help": {"en": "Pick the output strategy for this terminal in one key",
                              "ar": "اختر طريقة الإخراج لهذه الطرفية بمفتاح واحد"},
    "value.on": {"en": "on", "ar": "مفعل"},
    "value.off": {"en": "off", "ar": "معطل"},
    "value.keep": {"en": "keep", "ar": "إبقاء"},
    "value.strip": {"en": "strip", "ar": "حذف"},
    "value.yes": {"en": "yes", "ar": "نعم"},
    "value.no": {"en": "no", "ar": "لا"},
    # Palette commands
    "cmd.bidi": {"en": "Bidi mode: {mode}", "ar": "وضع الاتجاه: {mode}"},
    "cmd.bidi.help": {"en": "app: the reader orders and shapes; terminal: the terminal does; "
                      "shaped, shaped-mirrored, shaped-rlm, words: for terminals with bidi "
                      "of their own",
                      "ar": "في app يرتب القارئ ويشكل؛ وفي terminal تفعل الطرفية ذلك؛ و shaped "
                      "و shaped-mirrored و shaped-rlm و words لطرفيات لها اتجاهها الخاص"},
    "cmd.harakat": {"en": "Harakat: {value}", "ar": "الحركات: {value}"},
    "cmd.harakat.help": {"en": "Keep or strip the vowel marks",
                         "ar": "إبقاء علامات التشكيل أو حذفها"},
    "cmd.digits": {"en": "Digits: {value}", "ar": "الأرقام: {value}"},
    "cmd.digits.help": {"en": "Western or Eastern Arabic digits for the interface's own "
                        "numbers (counts, dates, positions)",
                        "ar": "أرقام غربية أو مشرقية لأرقام الواجهة (الأعداد والتواريخ)"},
    # (no "0-9": UAX #9 puts a hyphen between Arabic-Indic digits on their right-to-left
    # side, so "٠-٩" shows as "٩-٠")
    "value.western": {"en": "western 123", "ar": "غربية 123"},
    "value.eastern": {"en": "eastern ١٢٣", "ar": "مشرقية ١٢٣"},
    "cmd.shape": {"en": "Shaping: {value}", "ar": "تشكيل الحروف: {value}"},
    "cmd.shape.help": {"en": "Join Arabic letters (turn off for terminals that shape)",
                       "ar": "وصل الحروف العربية (أوقفه للطرفيات التي تشكل بنفسها)"},
    "cmd.measure": {"en": "Measure: {value} columns", "ar": "عرض النص: {value} عمودا"},
    "cmd.measure.help": {"en": "The widest the article text gets",
                         "ar": "أقصى عرض لنص المقال"},
    "cmd.lang": {"en": "Language: {value}", "ar": "اللغة: {value}"},
    "cmd.lang.help": {"en": "The interface language", "ar": "لغة الواجهة"},
    "lang.en": {"en": "English", "ar": "الإنجليزية"},
    "lang.ar": {"en": "Arabic", "ar": "العربية"},
    # Key descriptions (footer and help)
    "key.quit": {"en": "Quit", "ar": "خروج"},
    "key.open": {"en": "Open", "ar": "فتح"},
    "key.search": {"en": "Search", "ar": "بحث"},
    "key.help": {"en": "Help", "ar": "مساعدة"},
    "key.palette": {"en": "Commands", "ar": "الأوامر"},
    "key.down": {"en": "Line down", "ar": "سطر للأسفل"},
    "key.up": {"en": "Line up", "ar": "سطر للأعلى"},
    "key.page_down": {"en": "Page down", "ar": "صفحة للأسفل"},
    "key.page_up": {"en": "Page up", "ar": "صفحة للأعلى"},
    "key.home": {"en": "Start", "ar": "البداية"},
    "key.end": {"en": "End", "ar": "النهاية"},
    "key.next_pane": {"en": "Next pane", "ar": "الجزء التالي"},
    "key.prev_pane": {"en": "Previous pane", "ar": "الجزء السابق"},
    "key.related": {"en": "Related", "ar": "ذات صلة"},
    "key.comment": {"en": "Comment", "ar": "تعليق"},
    "key.article": {"en": "Article", "ar": "المقال"},
    "key.find": {"en": "Find", "ar": "بحث"},
    "key.next_match": {"en": "Next match", "ar": "التطابق التالي"},
    "key.prev_match": {"en": "Previous match", "ar": "التطابق السابق"},
    "key.prev_article": {"en": "Previous article", "ar": "المقال السابق"},
    "key.next_article": {"en": "Next article", "ar": "المقال التالي"},
    "key.back": {"en": "Back", "ar": "رجوع"},
    "key.copy": {"en": "Copy paragraph", "ar": "نسخ الفقرة"},
    "key.maximize": {"en": "Maximize pane", "ar": "تكبير الجزء"},
    "key.save_draft": {"en": "Save draft", "ar": "حفظ المسودة"},
    # The key model's table (reader/ui/keymap.py): the help screen and the README.
    "keys.everywhere": {"en": "Everywhere", "ar": "في كل مكان"},
    "keys.quit_anywhere": {
        "en": "Quit, from anywhere, text fields included (drafts are saved first)",
        "ar": "الخروج من أي مكان، حتى من حقول النص (تُحفظ المسودات أولاً)",
    },
    "keys.help": {"en": "Help (outside text fields)", "ar": "المساعدة (خارج حقول النص)"},
    "keys.escape": {
        "en": "Leave the innermost thing: a maximized pane, an overlay, a text field, "
              "a side pane, then the article; never quits",
        "ar": "مغادرة الأعمق: جزء مكبّر، نافذة، حقل نص، جزء جانبي، ثم المقال؛ "
              "لا يخرج أبداً",
    },
    "keys.move": {"en": "Next / previous article", "ar": "المقال التالي / السابق"},
    "keys.line": {"en": "Line down / up", "ar": "سطر للأسفل / للأعلى"},
    "keys.page": {"en": "Page down / up", "ar": "صفحة للأسفل / للأعلى"},
    "keys.ends": {"en": "Start / end", "ar": "البداية / النهاية"},
    "keys.quit": {
        "en": "Quit (outside text fields; drafts are saved first); closes the help",
        "ar": "الخروج (خارج حقول النص؛ تُحفظ المسودات أولاً)؛ يغلق المساعدة",
    },
    "keys.panes": {"en": "Next / previous pane", "ar": "الجزء التالي / السابق"},
    "keys.pane_keys": {
        "en": "Article, related links, comment draft (below 100 columns: shown alone)",
        "ar": "المقال، الروابط ذات الصلة، مسودة التعليق (تحت 100 عمود: كل جزء وحده)",
    },
    "keys.find": {"en": "Find, next / previous match", "ar": "بحث، التطابق التالي / السابق"},
    "keys.siblings": {"en": "Previous / next article", "ar": "المقال السابق / التالي"},
    "keys.fields": {"en": "Next / previous field", "ar": "الحقل التالي / السابق"},
    "keys.conflict": {
        "en": "Keep my draft / take the other (when a save conflicts)",
        "ar": "إبقاء مسودتي / أخذ الأخرى (عند تعارض الحفظ)",
    },
    "keys.caret": {
        "en": "One cell left / right on screen",
        "ar": "خلية يساراً / يميناً على الشاشة",
    },
    "keys.select": {"en": "Select", "ar": "تحديد"},
    "keys.select_to_ends": {
        "en": "Select to the start / end of the line",
        "ar": "تحديد حتى بداية السطر / نهايته",
    },
    "keys.select_all": {"en": "Select all", "ar": "تحديد الكل"},
    "keys.caret_line": {
        "en": "One line up / down, in the same column",
        "ar": "سطراً للأعلى / للأسفل، في العمود نفسه",
    },
    "keys.line_ends": {
        "en": "Start / end of the line",
        "ar": "بداية السطر / نهايته",
    },
    "keys.erase": {
        "en": "Delete the letter before / after the caret",
        "ar": "حذف الحرف قبل المؤشر / بعده",
    },
    "keys.enter": {
        "en": "New line in the comment; in a one-line field, the next field",
        "ar": "سطر جديد في التعليق؛ في حقل من سطر واحد، الحقل التالي",
    },
    "keys.other_version": {
        "en": "Show the draft's other kept version: take it, restore it or keep yours",
        "ar": "عرض النسخة الأخرى المحفوظة من المسودة: أخذها أو استعادتها أو إبقاء نسختك",
    },
    "keys.clipboard_insert": {
        "en": "Copy / paste (as ctrl+c / ctrl+v)",
        "ar": "نسخ / لصق (مثل ctrl+c / ctrl+v)",
    },
    "keys.remember": {
        "en": "Tick or untick the box under the fields (Enter too)",
        "ar": "تعليم المربع تحت الحقول أو إلغاء تعليمه (و Enter أيضاً)",
    },
    "keys.clipboard": {
        "en": "Copy, cut, paste (the logical text)",
        "ar": "نسخ، قص، لصق (النص المنطقي)",
    },
    "keys.search_fields": {"en": "Search fields", "ar": "حقول البحث"},
    "keys.words": {"en": "One word left / right", "ar": "كلمة يساراً / يميناً"},
    "keys.erase_words": {
        "en": "Delete the word before / after the caret",
        "ar": "حذف الكلمة قبل المؤشر / بعده",
    },
    "keys.erase_to_ends": {
        "en": "Delete everything before / after the caret",
        "ar": "حذف كل ما قبل المؤشر / بعده",
    },
    "keys.field_enter": {
        "en": "Done: open the first article found, or go to the first match",
        "ar": "إنهاء: فتح أول مقال في النتائج، أو الانتقال إلى أول تطابق",
    },
    "keys.leave_search": {
        "en": "Leave the field (the list's or the article's keys work again)",
        "ar": "مغادرة الحقل (تعمل مفاتيح القائمة أو المقال مجدداً)",
    },
    "keys.leave_field": {
        "en": "Leave the text (the pane's keys work again; c comes back)",
        "ar": "مغادرة النص (تعمل مفاتيح الجزء مجدداً؛ c للعودة)",
    },
    "key.next_field": {"en": "Next field", "ar": "الحقل التالي"},
    "key.prev_field": {"en": "Previous field", "ar": "الحقل السابق"},
    "key.keep_mine": {"en": "Keep my draft", "ar": "إبقاء مسودتي"},
    # The text fields' own keys (hidden from the footer; Textual's key panel lists them)
    "key.edit.move_left": {"en": "left", "ar": "يساراً"},
    "key.edit.move_right": {"en": "right", "ar": "يميناً"},
    "key.edit.select_left": {"en": "select left", "ar": "تحديد يساراً"},
    "key.edit.select_right": {"en": "select right", "ar": "تحديد يميناً"},
    "key.edit.move_up": {"en": "up", "ar": "للأعلى"},
    "key.edit.move_down": {"en": "down", "ar": "للأسفل"},
    "key.edit.select_up": {"en": "select up", "ar": "تحديد للأعلى"},
    "key.edit.select_down": {"en": "select down", "ar": "تحديد للأسفل"},
    "key.edit.line_start": {"en": "line start", "ar": "بداية السطر"},
    "key.edit.line_end": {"en": "line end", "ar": "نهاية السطر"},
    "key.edit.select_line_start": {"en": "select to line start", "ar": "تحديد حتى بداية السطر"},
    "key.edit.select_line_end": {"en": "select to line end", "ar": "تحديد حتى نهاية السطر"},
    "key.edit.delete_before": {"en": "delete before", "ar": "حذف ما قبل المؤشر"},
    "key.edit.delete_after": {"en": "delete after", "ar": "حذف ما بعد المؤشر"},
    "key.edit.select_all": {"en": "select all", "ar": "تحديد الكل"},
    "key.edit.copy": {"en": "copy", "ar": "نسخ"},
    "key.edit.cut": {"en": "cut", "ar": "قص"},
    "key.edit.paste": {"en": "paste", "ar": "لصق"},
    "key.edit.toggle": {"en": "toggle", "ar": "تبديل"},
    "key.edit.word_left": {"en": "a word left", "ar": "كلمة يساراً"},
    "key.edit.word_right": {"en": "a word right", "ar": "كلمة يميناً"},
    "key.edit.select_word_left": {"en": "select a word left", "ar": "تحديد كلمة يساراً"},
    "key.edit.select_word_right": {"en": "select a word right", "ar": "تحديد كلمة يميناً"},
    "key.edit.delete_word_before": {"en": "delete the word before",
                                    "ar": "حذف الكلمة قبل المؤشر"},
    "key.edit.delete_word_after": {"en": "delete the word after",
                                   "ar": "حذف الكلمة بعد المؤشر"},
    "key.edit.delete_to_start": {"en": "delete to the start", "ar": "حذف كل ما قبل المؤشر"},
    "key.edit.delete_to_end": {"en": "delete to the end", "ar": "حذف كل ما بعد المؤشر"},
    "key.take_theirs": {"en": "Take the other draft", "ar": "أخذ المسودة الأخرى"},
    "key.other_version": {"en": "Other version", "ar": "النسخة الأخرى"},
    "key.library": {"en": "Library", "ar": "المكتبة"},
    "key.leave": {"en": "Leave", "ar": "مغادرة"},
    "key.cancel": {"en": "Cancel", "ar": "إلغاء"},
    "key.sort": {"en": "Sort", "ar": "ترتيب"},
    "key.delete": {"en": "Delete", "ar": "حذف"},
    "key.copy_url": {"en": "Copy link", "ar": "نسخ الرابط"},
}
