"""Arabic function words left out of related-article terms, in the folded spelling the
terms are compared in (:func:`reader.library.normalize.normalize`: على is folded to
علي, so a list spelling it with ى dropped nothing).

They occur in nearly every article, so they say nothing about what one is about;
TF-IDF would weigh them down anyway, but dropping them keeps the term lists short.
"""

from __future__ import annotations

_WORDS = """
    في من علي الي عن ان او ما لا لم لن هذا هذه ذلك تلك هذان هاتان هؤلاء التي الذي الذين
    اللذين اللتين اللواتي اللاتي كان كانت يكون تكون كانوا يكن قد لقد وقد فقد قال قالت وقال
    وقالت ايضا بين بعد قبل حتي مع عند كل غير هو هي هم هن هما نحن انا انت انتم انه انها انهم
    منذ خلال حيث اذا ثم لكن ولكن ام تم يتم وتم عام وفي ومن وعلي والي وان وما ولا ولم فيه
    فيها فيهم منه منها منهم عليه عليها عليهم اليه اليها اليهم به بها بهم له لها لهم لنا كما اي
    الا اما اذ حول ضد دون تحت فوق امام لدي عبر وفق نحو هناك هنا كذلك مثل بان بانه بانها وهو
    وهي وهم وكان وكانت ذات الان اكثر اقل جدا فقط سوف عدم عدة بعض جميع احد احدي اخري اخر
    وذلك وهذا وهذه يمكن اجل بشان حال ضمن اثر لدي الذي كيف لماذا متي هل بل اذن
"""

STOP_WORDS = frozenset(_WORDS.split())
