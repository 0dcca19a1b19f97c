# picky24 (not kept): panel-40 with hostile names and notes, written to /tmp/p24hostile/.
import os, shutil
src = "/work/wt/picky24/tests/fixtures/panel"
out = "/tmp/p24hostile"
if os.path.exists(out): shutil.rmtree(out)
shutil.copytree(src, out)
h = open(os.path.join(src, "panel-40.html"), encoding="utf8").read()
lines = h.split("\n")
def sub_lines(a, b, old, new):
    for i in range(a - 1, b):
        lines[i] = lines[i].replace(old, new)
# Casey (lines 84-100): a 1 MB note.
big = ("Hi Pat, I am hiring senior engineers. " * 30000)[:1_000_000]
lines[91] = lines[91].replace("Hi Pat, I am hiring senior engineers for a fintech in Berlin. Open to a quick chat about a new role?", big)
# Dana: a right-to-left override inside the name.
sub_lines(108, 124, "Dana Adler", "Dana \u202eAdler")
sub_lines(244, 260, "Kai Adler", "Kai \u202eAdler")
h = "\n".join(lines)
# Finley: Arabic name, Arabic note.
h = h.replace("Finley Adler", "محمد عبد الرحمن الهاشمي")
h = h.replace("Hi Pat, I read your post about saying not yet to strangers and I liked your point about keeping a network small. Would love to hear more about how you decide.",
              "مرحبا بات، قرأت منشورك عن قول «ليس بعد» للغرباء وأعجبتني فكرتك عن إبقاء الشبكة صغيرة. 3 أسئلة لك؟", 1)
# Gray: emoji.
h = h.replace("Gray Adler", "🚀 Gray 🦄 Adler 👨‍👩‍👧‍👦🇺🇦")
# Eli: one very long word.
h = h.replace("Eli Adler", "Eli" + "i" * 180 + " Adler")
open(os.path.join(out, "panel-40.html"), "w", encoding="utf8").write(h)
print(len(h))
