<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Who is annotating…</source>
        <translation>اسم المُوسِّم…</translation>
    </message>
    <message>
        <source>Team: hand documents out to annotators…</source>
        <translation>الفريق: توزيع المستندات على المُوسِّمين…</translation>
    </message>
    <message>
        <source>Team: merge annotators&apos; work…</source>
        <translation>الفريق: دمج عمل المُوسِّمين…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Next candidate</source>
        <translation>المرشّح التالي</translation>
    </message>
    <message>
        <source>Previous candidate</source>
        <translation>المرشّح السابق</translation>
    </message>
    <message>
        <source>Next entity</source>
        <translation>الكيان التالي</translation>
    </message>
    <message>
        <source>Previous entity</source>
        <translation>الكيان السابق</translation>
    </message>
    <message>
        <source>Accept (and go to the next candidate)</source>
        <translation>اعتماد (والانتقال إلى المرشّح التالي)</translation>
    </message>
    <message>
        <source>Reject (and go to the next candidate)</source>
        <translation>رفض (والانتقال إلى المرشّح التالي)</translation>
    </message>
    <message>
        <source>Delete the entity</source>
        <translation>حذف الكيان</translation>
    </message>
    <message>
        <source>Accept all candidates</source>
        <translation>اعتماد كل المرشّحات</translation>
    </message>
    <message>
        <source>Accept all candidates of the focused label</source>
        <translation>اعتماد كل المرشّحات من وسم الكيان الحالي</translation>
    </message>
    <message>
        <source>Selection without its proclitic (بالرئيس → الرئيس → رئيس)</source>
        <translation>التحديد دون سابقته (بالرئيس ← الرئيس ← رئيس)</translation>
    </message>
    <message>
        <source>Grow the start (right) by a character</source>
        <translation>مدّ البداية (يمينًا) حرفًا واحدًا</translation>
    </message>
    <message>
        <source>Grow the end (left) by a character</source>
        <translation>مدّ النهاية (يسارًا) حرفًا واحدًا</translation>
    </message>
    <message>
        <source>Shrink the start by a character</source>
        <translation>تقليص البداية حرفًا واحدًا</translation>
    </message>
    <message>
        <source>Shrink the end by a character</source>
        <translation>تقليص النهاية حرفًا واحدًا</translation>
    </message>
    <message>
        <source>Grow the start by a word</source>
        <translation>مدّ البداية كلمةً واحدة</translation>
    </message>
    <message>
        <source>Grow the end by a word</source>
        <translation>مدّ النهاية كلمةً واحدة</translation>
    </message>
    <message>
        <source>Shrink the start by a word</source>
        <translation>تقليص البداية كلمةً واحدة</translation>
    </message>
    <message>
        <source>Shrink the end by a word</source>
        <translation>تقليص النهاية كلمةً واحدة</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <source>Give the keys back to the article (from a side panel)</source>
        <translation>إعادة المفاتيح إلى المقال (من لوحة جانبية)</translation>
    </message>
    <message>
        <source>Select the next word</source>
        <translation>تحديد الكلمة التالية</translation>
    </message>
    <message>
        <source>Select the previous word</source>
        <translation>تحديد الكلمة السابقة</translation>
    </message>
    <message>
        <source>Extend the selection by a word</source>
        <translation>توسيع التحديد كلمةً واحدة</translation>
    </message>
    <message>
        <source>Give the selection&apos;s last word back</source>
        <translation>إسقاط آخر كلمة من التحديد</translation>
    </message>
    <message>
        <source>Link the focused entity to… (then Tab/number, Enter, type)</source>
        <translation>ربط الكيان الحالي بكيان آخر… (ثم Tab أو الرقم، ثم Enter، ثم النوع)</translation>
    </message>
    <message>
        <source>Next relation</source>
        <translation>العلاقة التالية</translation>
    </message>
    <message>
        <source>Previous relation</source>
        <translation>العلاقة السابقة</translation>
    </message>
    <message>
        <source>Change the focused relation&apos;s type</source>
        <translation>تغيير نوع العلاقة الحالية</translation>
    </message>
    <message>
        <source>Swap head and tail</source>
        <translation>تبديل الرأس والذيل</translation>
    </message>
    <message>
        <source>Delete the focused relation</source>
        <translation>حذف العلاقة الحالية</translation>
    </message>
    <message>
        <source>Suggest candidates in every document</source>
        <translation>اقتراح مرشّحات في كل المستندات</translation>
    </message>
    <message>
        <source>Suggest again, replacing earlier runs</source>
        <translation>إعادة الاقتراح مع استبدال نتائج التشغيلات السابقة</translation>
    </message>
    <message>
        <source>Cancel suggestions</source>
        <translation>إلغاء الاقتراح</translation>
    </message>
    <message>
        <source>Choose a camel-tools NER model folder…</source>
        <translation>اختيار مجلد نموذج camel-tools للتعرّف على الكيانات المسمّاة…</translation>
    </message>
    <message>
        <source>Mark done (in curation: curated) and go to the next</source>
        <translation>وضع علامة «منجَز» (في التنقيح: «منقَّح») والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>Next unfinished document</source>
        <translation>المستند غير المنجَز التالي</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Show rejected</source>
        <translation>إظهار المرفوض</translation>
    </message>
    <message>
        <source>Hide relation arcs</source>
        <translation>إخفاء أقواس العلاقات</translation>
    </message>
    <message>
        <source>Only the focused entity&apos;s relations</source>
        <translation>علاقات الكيان الحالي فقط</translation>
    </message>
    <message>
        <source>Hide candidates below a confidence…</source>
        <translation>إخفاء المرشّحات دون حدّ من الثقة…</translation>
    </message>
    <message>
        <source>Agreement between annotators…</source>
        <translation>الاتفاق بين المُوسِّمين…</translation>
    </message>
    <message>
        <source>Curate: reconcile the annotators&apos; layers into gold</source>
        <translation>التنقيح: التوفيق بين طبقات المُوسِّمين في المرجع الذهبي</translation>
    </message>
    <message>
        <source>Curation pre-merge policy…</source>
        <translation>سياسة الدمج المسبق في التنقيح…</translation>
    </message>
    <message>
        <source>Interface language and digits…</source>
        <translation>لغة الواجهة والأرقام…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Find in the article…</source>
        <translation>البحث في المقال…</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>التطابق التالي</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>التطابق السابق</translation>
    </message>
    <message>
        <source>Label all matches in the article…</source>
        <translation>وسم كل التطابقات في المقال…</translation>
    </message>
    <message>
        <source>Search the project…</source>
        <translation>البحث في المشروع…</translation>
    </message>
    <message>
        <source>Label all matches in the project…</source>
        <translation>وسم كل التطابقات في المشروع…</translation>
    </message>
    <message>
        <source>Close the find bar; the keys go back to the article</source>
        <translation>إغلاق شريط البحث وإعادة المفاتيح إلى المقال</translation>
    </message>
</context>
<context>
    <name>ArticleText</name>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>{label}?</source>
        <translation>{label}؟</translation>
    </message>
    <message>
        <source>No relations in this document.</source>
        <translation>لا علاقات في هذا المستند.</translation>
    </message>
</context>
<context>
    <name>CurationPanelText</name>
    <message>
        <source>open</source>
        <translation>غير محسوم</translation>
    </message>
    <message>
        <source>settled: {how}</source>
        <translation>محسوم: {how}</translation>
    </message>
    <message>
        <source>settled by {curator} on {at}</source>
        <translation>حسمه {curator} في {at}</translation>
    </message>
    <message>
        <source>Ctrl+D: curated, next document</source>
        <translation>Ctrl+D: منقَّح، والمستند التالي</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>This document is not ready for curation.</source>
        <translation>هذا المستند غير جاهز للتنقيح.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>{progress} · annotators: {names}</source>
        <translation>{progress} · المُوسِّمون: {names}</translation>
    </message>
</context>
<context>
    <name>CurationText</name>
    <message>
        <source>Curation ended: back in the layer {layer}.</source>
        <translation>انتهى التنقيح: عدتَ إلى الطبقة {layer}.</translation>
    </message>
    <message>
        <source>No document can be curated yet: curation needs a document that at least two annotators marked done (merge their work first: File &gt; Team).</source>
        <translation>لا يوجد مستند قابل للتنقيح بعد: يتطلب التنقيح مستندًا وضع عليه مُوسِّمان على الأقل علامة «منجَز» (ادمج عملهم أولًا: ملف &gt; الفريق).</translation>
    </message>
    <message>
        <source>Pre-merged ({policy}): {entities} entities and {relations} relations the annotators agreed on are in gold.</source>
        <translation>اكتمل الدمج المسبق ({policy}): صار في المرجع الذهبي ما اتفق عليه المُوسِّمون من كيانات ({entities}) وعلاقات ({relations}).</translation>
    </message>
    <message>
        <source>unanimous: what every annotator has exactly</source>
        <translation>بالإجماع: ما لدى كل المُوسِّمين بالتمام</translation>
    </message>
    <message>
        <source>majority: what more than half of them have</source>
        <translation>بالأغلبية: ما لدى أكثر من نصفهم</translation>
    </message>
    <message>
        <source>Curation pre-merge policy</source>
        <translation>سياسة الدمج المسبق في التنقيح</translation>
    </message>
    <message>
        <source>Put into gold, before the curator decides anything:</source>
        <translation>ما يدخل المرجع الذهبي قبل أن يقرّر المنقِّح أي شيء:</translation>
    </message>
    <message>
        <source>Pre-merge policy: {policy} (for documents not pre-merged yet).</source>
        <translation>سياسة الدمج المسبق: {policy} (للمستندات التي لم تُدمج مسبقًا بعد).</translation>
    </message>
    <message>
        <source>Back to curating: N/P, 1–9, 0, E, Enter.</source>
        <translation>عودة إلى التنقيح: N/P، 1–9، 0، E، Enter.</translation>
    </message>
    <message>
        <source>No disagreements in this document: Ctrl+D marks it curated.</source>
        <translation>لا خلافات في هذا المستند: Ctrl+D يضع عليه علامة «منقَّح».</translation>
    </message>
    <message>
        <source>No disagreement chosen: N goes to the next one.</source>
        <translation>لم يُختر أي خلاف: N ينتقل إلى الخلاف التالي.</translation>
    </message>
    <message numerus="yes">
        <source>There are %Ln annotators here: 1–{last}, or 0 for none.</source>
        <translation>
            <numerusform>لا مُوسِّمين هنا: 1–{last}، أو 0 لعدم الأخذ بأي نسخة.</numerusform>
            <numerusform>هنا مُوسِّم واحد: 1–{last}، أو 0 لعدم الأخذ بأي نسخة.</numerusform>
            <numerusform>هنا مُوسِّمان: 1–{last}، أو 0 لعدم الأخذ بأي نسخة.</numerusform>
            <numerusform>هنا %Ln مُوسِّمين: 1–{last}، أو 0 لعدم الأخذ بأي نسخة.</numerusform>
            <numerusform>هنا %Ln مُوسِّمًا: 1–{last}، أو 0 لعدم الأخذ بأي نسخة.</numerusform>
            <numerusform>هنا %Ln مُوسِّم: 1–{last}، أو 0 لعدم الأخذ بأي نسخة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Editing gold by hand: the usual keys; Escape to come back, Enter to settle.</source>
        <translation>تحرير المرجع الذهبي يدويًّا بالمفاتيح المعتادة؛ Escape للعودة، وEnter للحسم.</translation>
    </message>
    <message>
        <source>This document is not ready for curation (fewer than two annotators finished it): it stays as it is.</source>
        <translation>هذا المستند غير جاهز للتنقيح (أنهاه أقل من مُوسِّمَين): يبقى كما هو.</translation>
    </message>
    <message numerus="yes">
        <source>{left} of %Ln disagreements are not settled. Mark the document curated anyway?</source>
        <translation>
            <numerusform>لم يُحسم {left} من أصل %Ln خلاف. أتضع على المستند علامة «منقَّح» مع ذلك؟</numerusform>
            <numerusform>لم يُحسم {left} من أصل خلاف واحد. أتضع على المستند علامة «منقَّح» مع ذلك؟</numerusform>
            <numerusform>لم يُحسم {left} من أصل خلافين. أتضع على المستند علامة «منقَّح» مع ذلك؟</numerusform>
            <numerusform>لم يُحسم {left} من أصل %Ln خلافات. أتضع على المستند علامة «منقَّح» مع ذلك؟</numerusform>
            <numerusform>لم يُحسم {left} من أصل %Ln خلافًا. أتضع على المستند علامة «منقَّح» مع ذلك؟</numerusform>
            <numerusform>لم يُحسم {left} من أصل %Ln خلاف. أتضع على المستند علامة «منقَّح» مع ذلك؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark curated</source>
        <translation>وضع علامة «منقَّح»</translation>
    </message>
    <message>
        <source>Curated. Every document that needs curation is curated.</source>
        <translation>تمّ التنقيح. نُقِّحت كل المستندات التي تحتاج إلى تنقيح.</translation>
    </message>
    <message>
        <source>Curating (gold): this document is not ready for curation</source>
        <translation>التنقيح (المرجع الذهبي): هذا المستند غير جاهز للتنقيح</translation>
    </message>
    <message>
        <source>Curating (gold): {progress} · editing by hand</source>
        <translation>التنقيح (المرجع الذهبي): {progress} · تحرير يدوي</translation>
    </message>
    <message>
        <source>Curating (gold): {progress}</source>
        <translation>التنقيح (المرجع الذهبي): {progress}</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>accepted</source>
        <translation>اعتماد</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>relabelled</source>
        <translation>تغيير الوسم</translation>
    </message>
    <message>
        <source>resized</source>
        <translation>تعديل الامتداد</translation>
    </message>
    <message>
        <source>added</source>
        <translation>إضافة يدوية</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>اختيار</translation>
    </message>
</context>
<context>
    <name>EditText</name>
    <message numerus="yes">
        <source>{label} has %Ln relations. Reject it and remove them?</source>
        <translation>
            <numerusform>ليس للكيان «{label}» علاقات. أترفضه؟</numerusform>
            <numerusform>للكيان «{label}» علاقة واحدة. أترفضه وتحذفها؟</numerusform>
            <numerusform>للكيان «{label}» علاقتان. أترفضه وتحذفهما؟</numerusform>
            <numerusform>للكيان «{label}» %Ln علاقات. أترفضه وتحذفها؟</numerusform>
            <numerusform>للكيان «{label}» %Ln علاقةً. أترفضه وتحذفها؟</numerusform>
            <numerusform>للكيان «{label}» %Ln علاقة. أترفضه وتحذفها؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Resize by a word</source>
        <translation>تعديل الامتداد بكلمة</translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln {label} candidates in this document?</source>
        <translation>
            <numerusform>أتعتمد %Ln مرشّح من وسم {label} في هذا المستند؟</numerusform>
            <numerusform>أتعتمد مرشّحًا واحدًا من وسم {label} في هذا المستند؟</numerusform>
            <numerusform>أتعتمد مرشّحَين من وسم {label} في هذا المستند؟</numerusform>
            <numerusform>أتعتمد %Ln مرشّحات من وسم {label} في هذا المستند؟</numerusform>
            <numerusform>أتعتمد %Ln مرشّحًا من وسم {label} في هذا المستند؟</numerusform>
            <numerusform>أتعتمد %Ln مرشّح من وسم {label} في هذا المستند؟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln {label} candidates</source>
        <translation>
            <numerusform>اعتماد %Ln مرشّح من وسم {label}</numerusform>
            <numerusform>اعتماد مرشّح واحد من وسم {label}</numerusform>
            <numerusform>اعتماد مرشّحَين من وسم {label}</numerusform>
            <numerusform>اعتماد %Ln مرشّحات من وسم {label}</numerusform>
            <numerusform>اعتماد %Ln مرشّحًا من وسم {label}</numerusform>
            <numerusform>اعتماد %Ln مرشّح من وسم {label}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln candidates in this document?</source>
        <translation>
            <numerusform>أتعتمد %Ln مرشّح في هذا المستند؟</numerusform>
            <numerusform>أتعتمد مرشّحًا واحدًا في هذا المستند؟</numerusform>
            <numerusform>أتعتمد مرشّحَين في هذا المستند؟</numerusform>
            <numerusform>أتعتمد %Ln مرشّحات في هذا المستند؟</numerusform>
            <numerusform>أتعتمد %Ln مرشّحًا في هذا المستند؟</numerusform>
            <numerusform>أتعتمد %Ln مرشّح في هذا المستند؟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %Ln candidates</source>
        <translation>
            <numerusform>اعتماد %Ln مرشّح</numerusform>
            <numerusform>اعتماد مرشّح واحد</numerusform>
            <numerusform>اعتماد مرشّحَين</numerusform>
            <numerusform>اعتماد %Ln مرشّحات</numerusform>
            <numerusform>اعتماد %Ln مرشّحًا</numerusform>
            <numerusform>اعتماد %Ln مرشّح</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>اعتماد الكل</translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidates are still undecided in this document. Mark it done anyway?</source>
        <translation>
            <numerusform>لم يبقَ في هذا المستند مرشّح لم يُبتّ فيه. أتضع عليه علامة «منجَز»؟</numerusform>
            <numerusform>بقي في هذا المستند مرشّح واحد لم يُبتّ فيه. أتضع عليه علامة «منجَز» مع ذلك؟</numerusform>
            <numerusform>بقي في هذا المستند مرشّحان لم يُبتّ فيهما. أتضع عليه علامة «منجَز» مع ذلك؟</numerusform>
            <numerusform>بقيت في هذا المستند %Ln مرشّحات لم يُبتّ فيها. أتضع عليه علامة «منجَز» مع ذلك؟</numerusform>
            <numerusform>بقي في هذا المستند %Ln مرشّحًا لم يُبتّ فيها. أتضع عليه علامة «منجَز» مع ذلك؟</numerusform>
            <numerusform>بقي في هذا المستند %Ln مرشّح لم يُبتّ فيها. أتضع عليه علامة «منجَز» مع ذلك؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>وضع علامة «منجَز»</translation>
    </message>
    <message>
        <source>No unfinished document is left: every other document is done.</source>
        <translation>لم يبقَ مستند غير منجَز: كل المستندات الأخرى منجَزة.</translation>
    </message>
</context>
<context>
    <name>EditTitleText</name>
    <message>
        <source>Add {label}</source>
        <translation>إضافة {label}</translation>
    </message>
    <message>
        <source>Accept {label}</source>
        <translation>اعتماد {label}</translation>
    </message>
    <message>
        <source>Reject {label}</source>
        <translation>رفض {label}</translation>
    </message>
    <message>
        <source>Relabel as {label}</source>
        <translation>تغيير الوسم إلى {label}</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>تعديل الامتداد</translation>
    </message>
    <message>
        <source>Delete {label}</source>
        <translation>حذف {label}</translation>
    </message>
    <message>
        <source>Reject {label} and its relations</source>
        <translation>رفض {label} وعلاقاته</translation>
    </message>
    <message>
        <source>Add {type}</source>
        <translation>إضافة علاقة «{type}»</translation>
    </message>
    <message>
        <source>Retype as {type}</source>
        <translation>تغيير نوع العلاقة إلى «{type}»</translation>
    </message>
    <message>
        <source>Swap head and tail</source>
        <translation>تبديل الرأس والذيل</translation>
    </message>
    <message>
        <source>Delete {type}</source>
        <translation>حذف علاقة «{type}»</translation>
    </message>
    <message>
        <source>Mark {status}</source>
        <translation>وضع علامة «{status}»</translation>
    </message>
    <message>
        <source>Propose {label}</source>
        <translation>اقتراح {label}</translation>
    </message>
    <message numerus="yes">
        <source>Propose %Ln {label} matches</source>
        <translation>
            <numerusform>اقتراح %Ln تطابق بوسم {label}</numerusform>
            <numerusform>اقتراح تطابق واحد بوسم {label}</numerusform>
            <numerusform>اقتراح تطابقَين بوسم {label}</numerusform>
            <numerusform>اقتراح %Ln تطابقات بوسم {label}</numerusform>
            <numerusform>اقتراح %Ln تطابقًا بوسم {label}</numerusform>
            <numerusform>اقتراح %Ln تطابق بوسم {label}</numerusform>
        </translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>حسم</translation>
    </message>
    <message>
        <source>Settle ({outcome})</source>
        <translation>حسم ({outcome})</translation>
    </message>
    <message>
        <source>Take no version</source>
        <translation>عدم الأخذ بأي نسخة</translation>
    </message>
    <message>
        <source>Take {annotator}&apos;s version</source>
        <translation>أخذ نسخة {annotator}</translation>
    </message>
</context>
<context>
    <name>ExportText</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Also candidates and rejected annotations, with their status</source>
        <translation>مع المرشّحات والتوسيمات المرفوضة، بحالاتها</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>الكتابة إلى</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Export to a folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
</context>
<context>
    <name>FilesText</name>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>annotator projects (*.sqlite)</source>
        <translation>مشاريع annotator (*.sqlite)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>annotator projects (*.sqlite *.db);;All (*)</source>
        <translation>مشاريع annotator (*.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Who is annotating</source>
        <translation>اسم المُوسِّم</translation>
    </message>
    <message>
        <source>Your name (in a team project, your own layer has this name):</source>
        <translation>اسمك (في مشروع الفريق تحمل طبقتك هذا الاسم):</translation>
    </message>
    <message>
        <source>&apos;gold&apos; is the curated layer</source>
        <translation>الاسم «gold» محجوز للطبقة المنقَّحة</translation>
    </message>
    <message>
        <source>All readable ({patterns})</source>
        <translation>كل ما يمكن قراءته ({patterns})</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>لم يُكتب شيء: {error}</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more (the command line prints them all)</source>
        <translation>
            <numerusform>… ولا رسائل أخرى</numerusform>
            <numerusform>… ورسالة أخرى واحدة (يطبعها سطر الأوامر كلها)</numerusform>
            <numerusform>… ورسالتان أخريان (يطبعها سطر الأوامر كلها)</numerusform>
            <numerusform>… و%Ln رسائل أخرى (يطبعها سطر الأوامر كلها)</numerusform>
            <numerusform>… و%Ln رسالةً أخرى (يطبعها سطر الأوامر كلها)</numerusform>
            <numerusform>… و%Ln رسالة أخرى (يطبعها سطر الأوامر كلها)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindText</name>
    <message>
        <source>The first word may carry proclitics: بوتين finds لبوتين (without the ل)</source>
        <translation>قد تتصل بالكلمة الأولى سوابق: «بوتين» تجد «لبوتين» (دون اللام)</translation>
    </message>
    <message>
        <source>A Python regular expression on the raw text (nothing normalised)</source>
        <translation>تعبير نمطي بلغة Python على النص الخام (دون أي تطبيع)</translation>
    </message>
    <message>
        <source>Find in this article (diacritics, letter variants ignored)</source>
        <translation>ابحث في هذا المقال (يُتجاهل التشكيل وصور الحروف)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Through proclitics</source>
        <translation>عبر السوابق</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>تعبير نمطي</translation>
    </message>
    <message>
        <source>Label all…</source>
        <translation>وسم الكل…</translation>
    </message>
    <message>
        <source>Propose every match as a candidate of a label (Ctrl+L)</source>
        <translation>اقتراح كل تطابق مرشّحًا لوسم تختاره (Ctrl+L)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>إغلاق شريط البحث (Escape)</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>لا تطابقات</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} من {total}</translation>
    </message>
    <message>
        <source>No matches to label: find something first (Ctrl+F).</source>
        <translation>لا تطابقات لوسمها: ابحث عن شيء أولًا (Ctrl+F).</translation>
    </message>
</context>
<context>
    <name>InterfaceText</name>
    <message>
        <source>Interface language and digits</source>
        <extracomment>each language is named in itself, so a person who cannot read the other one finds theirs</extracomment>
        <translation>لغة الواجهة والأرقام</translation>
    </message>
    <message>
        <source>Arabic-Indic (٠١٢٣)</source>
        <translation>مشرقية (٠١٢٣)</translation>
    </message>
    <message>
        <source>Western (0123)</source>
        <translation>غربية (0123)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Digits in the Arabic interface</source>
        <translation>الأرقام في الواجهة العربية</translation>
    </message>
</context>
<context>
    <name>KeyHelp</name>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Side panels</source>
        <translation>اللوحات الجانبية</translation>
    </message>
    <message>
        <source>Find bar (Ctrl+F)</source>
        <translation>شريط البحث (Ctrl+F)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>النافذة</translation>
    </message>
</context>
<context>
    <name>KeyHelpText</name>
    <message>
        <source>With the Arabic keyboard layout the keys work where they are on a US keyboard: R is the key of ق, Ctrl+Z the key of ئ. Ctrl+Shift+Z types Ctrl+Shift+~ there: redo with Ctrl+Y.</source>
        <translation>مع تخطيط لوحة المفاتيح العربي تعمل المفاتيح في مواضعها على لوحة المفاتيح الأمريكية: R هو مفتاح ق، وCtrl+Z مفتاح ئ. أما Ctrl+Shift+Z فيكتب هناك Ctrl+Shift+~: للإعادة استخدم Ctrl+Y.</translation>
    </message>
    <message>
        <source>While making a relation (after R, a drag, or T; other keys wait for Escape)</source>
        <translation>أثناء إنشاء علاقة (بعد R أو السحب أو T؛ تنتظر المفاتيح الأخرى حتى Escape)</translation>
    </message>
    <message>
        <source>choose the type {type}</source>
        <translation>اختيار النوع «{type}»</translation>
    </message>
    <message>
        <source>While curating (View &gt; Curate; E hands the usual keys back until Escape)</source>
        <translation>أثناء التنقيح (عرض &gt; التنقيح؛ يعيد E المفاتيح المعتادة حتى Escape)</translation>
    </message>
    <message>
        <source>  or  </source>
        <translation>  أو  </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>LabelActionText</name>
    <message>
        <source>{label}  (new entity from the selection, or relabel)</source>
        <translation>{label}  (كيان جديد من التحديد، أو تغيير الوسم)</translation>
    </message>
</context>
<context>
    <name>LeftOut</name>
    <message>
        <source>entities</source>
        <translation>كيانات</translation>
    </message>
    <message>
        <source>relations</source>
        <translation>علاقات</translation>
    </message>
    <message>
        <source>nested spans</source>
        <translation>امتدادات متضمَّنة في غيرها</translation>
    </message>
    <message>
        <source>overlapping spans</source>
        <translation>امتدادات متقاطعة</translation>
    </message>
    <message>
        <source>second labels on one span</source>
        <translation>وسوم ثانية على امتداد واحد</translation>
    </message>
    <message>
        <source>statuses</source>
        <translation>حالات</translation>
    </message>
</context>
<context>
    <name>LinkingText</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>No relation type allows {head} → {tail}; {tail} → {head} allows {types}: press S to swap head and tail.</source>
        <translation>لا يسمح أي نوع علاقة بالاتجاه {head} ← {tail}؛ أما الاتجاه {tail} ← {head} فيسمح بـ: {types}. اضغط S لتبديل الرأس والذيل.</translation>
    </message>
    <message>
        <source>{head} → {tail}</source>
        <translation>{head} ← {tail}</translation>
    </message>
    <message>
        <source>No relation type allows {head} → {tail} or {tail} → {head}; with {head} the schema allows {pairs}.</source>
        <translation>لا يسمح أي نوع علاقة بالاتجاه {head} ← {tail} ولا بالاتجاه {tail} ← {head}؛ ومع {head} يسمح المخطط بـ: {pairs}.</translation>
    </message>
    <message>
        <source>no relation at all</source>
        <translation>لا علاقة على الإطلاق</translation>
    </message>
    <message>
        <source>Focus an entity first (Tab), then press R.</source>
        <translation>انتقل إلى كيان أولًا (Tab)، ثم اضغط R.</translation>
    </message>
    <message>
        <source>Relation type:</source>
        <translation>نوع العلاقة:</translation>
    </message>
    <message>
        <source>Linking: a type&apos;s key or number: that type   ·   Escape: back</source>
        <translation>الربط: مفتاح النوع أو رقمه: ذلك النوع   ·   Escape: رجوع</translation>
    </message>
    <message>
        <source>Linking:  {keys}</source>
        <translation>الربط:  {keys}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>الاقتراح</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
</context>
<context>
    <name>ModeKeys</name>
    <message>
        <source>the next entity as the other end</source>
        <translation>الكيان التالي طرفًا آخر</translation>
    </message>
    <message>
        <source>Tab: next</source>
        <translation>Tab: التالي</translation>
    </message>
    <message>
        <source>the previous entity as the other end</source>
        <translation>الكيان السابق طرفًا آخر</translation>
    </message>
    <message>
        <source>Shift+Tab: previous</source>
        <translation>Shift+Tab: السابق</translation>
    </message>
    <message>
        <source>the entity with that number as the other end; then the type with that number</source>
        <translation>الكيان الذي يحمل ذلك الرقم طرفًا آخر؛ ثم النوع الذي يحمل ذلك الرقم</translation>
    </message>
    <message>
        <source>a number: that entity</source>
        <translation>رقم: ذلك الكيان</translation>
    </message>
    <message>
        <source>show the relation types allowed for the pair</source>
        <translation>عرض أنواع العلاقات المسموح بها بين الطرفين</translation>
    </message>
    <message>
        <source>Enter: relation types</source>
        <translation>Enter: أنواع العلاقات</translation>
    </message>
    <message>
        <source>swap head and tail (when only the other direction is allowed)</source>
        <translation>تبديل الرأس والذيل (حين لا يُسمح إلا بالاتجاه الآخر)</translation>
    </message>
    <message>
        <source>S: swap head and tail</source>
        <translation>S: تبديل الرأس والذيل</translation>
    </message>
    <message>
        <source>step back (close the type list, then stop linking)</source>
        <translation>خطوة إلى الوراء (إغلاق قائمة الأنواع، ثم إيقاف الربط)</translation>
    </message>
    <message>
        <source>Escape: back</source>
        <translation>Escape: رجوع</translation>
    </message>
    <message>
        <source>the next disagreement, in reading order</source>
        <translation>الخلاف التالي بترتيب القراءة</translation>
    </message>
    <message>
        <source>N: next</source>
        <translation>N: التالي</translation>
    </message>
    <message>
        <source>the previous disagreement</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <source>P: previous</source>
        <translation>P: السابق</translation>
    </message>
    <message>
        <source>take that annotator&apos;s version into gold (their number in the panel) and settle it</source>
        <translation>أخذ نسخة ذلك المُوسِّم إلى المرجع الذهبي (رقمه في اللوحة) وحسم الخلاف</translation>
    </message>
    <message>
        <source>1–9: take a version</source>
        <translation>1–9: أخذ نسخة</translation>
    </message>
    <message>
        <source>take no version (recorded as considered)</source>
        <translation>عدم الأخذ بأي نسخة (يُسجَّل أنه نُظر فيه)</translation>
    </message>
    <message>
        <source>0: none</source>
        <translation>0: لا شيء</translation>
    </message>
    <message>
        <source>edit gold here by hand, with the usual keys (Escape comes back)</source>
        <translation>تحرير المرجع الذهبي هنا يدويًّا بالمفاتيح المعتادة (Escape للعودة)</translation>
    </message>
    <message>
        <source>E: edit by hand</source>
        <translation>E: تحرير يدوي</translation>
    </message>
    <message>
        <source>mark it settled as gold now holds it</source>
        <translation>حسمه على ما هو عليه الآن في المرجع الذهبي</translation>
    </message>
    <message>
        <source>Enter: settled</source>
        <translation>Enter: محسوم</translation>
    </message>
    <message>
        <source>back to the curation keys (once nothing is selected)</source>
        <extracomment>while editing by hand in curation: back to the curation keys</extracomment>
        <translation>العودة إلى مفاتيح التنقيح (حين لا يكون شيء محدَّدًا)</translation>
    </message>
    <message>
        <source>Escape: back to curating</source>
        <translation>Escape: العودة إلى التنقيح</translation>
    </message>
</context>
<context>
    <name>PanelText</name>
    <message numerus="yes">
        <source>{status} · %Ln candidates · {accepted} accepted</source>
        <translation>
            <numerusform>{status} · لا مرشّحات · المعتمَد: {accepted}</numerusform>
            <numerusform>{status} · مرشّح واحد · المعتمَد: {accepted}</numerusform>
            <numerusform>{status} · مرشّحان · المعتمَد: {accepted}</numerusform>
            <numerusform>{status} · %Ln مرشّحات · المعتمَد: {accepted}</numerusform>
            <numerusform>{status} · %Ln مرشّحًا · المعتمَد: {accepted}</numerusform>
            <numerusform>{status} · %Ln مرشّح · المعتمَد: {accepted}</numerusform>
        </translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>All relation types</source>
        <translation>كل أنواع العلاقات</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
</context>
<context>
    <name>Policies</name>
    <message>
        <source>unanimous</source>
        <extracomment>the pre-merge policies, as the window names them</extracomment>
        <translation>الإجماع</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>الأغلبية</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents imported ({entities} entities, {relations} relations)</source>
        <translation>
            <numerusform>لم يُستورد أي مستند (الكيانات: {entities}، العلاقات: {relations})</numerusform>
            <numerusform>استُورد مستند واحد (الكيانات: {entities}، العلاقات: {relations})</numerusform>
            <numerusform>استُورد مستندان (الكيانات: {entities}، العلاقات: {relations})</numerusform>
            <numerusform>استُوردت %Ln مستندات (الكيانات: {entities}، العلاقات: {relations})</numerusform>
            <numerusform>استُورد %Ln مستندًا (الكيانات: {entities}، العلاقات: {relations})</numerusform>
            <numerusform>استُورد %Ln مستند (الكيانات: {entities}، العلاقات: {relations})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the project (their {entities} entities and {relations} relations not imported)</source>
        <translation>
            <numerusform>لا مستندات موجودة من قبل في المشروع (لم تُستورد كيانات: {entities}، ولا علاقات: {relations})</numerusform>
            <numerusform>مستند واحد موجود من قبل في المشروع (لم تُستورد كياناته: {entities}، ولا علاقاته: {relations})</numerusform>
            <numerusform>مستندان موجودان من قبل في المشروع (لم تُستورد كياناتهما: {entities}، ولا علاقاتهما: {relations})</numerusform>
            <numerusform>%Ln مستندات موجودة من قبل في المشروع (لم تُستورد كياناتها: {entities}، ولا علاقاتها: {relations})</numerusform>
            <numerusform>%Ln مستندًا موجودًا من قبل في المشروع (لم تُستورد كياناتها: {entities}، ولا علاقاتها: {relations})</numerusform>
            <numerusform>%Ln مستند موجود من قبل في المشروع (لم تُستورد كياناتها: {entities}، ولا علاقاتها: {relations})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the project</source>
        <translation>
            <numerusform>لا مستندات موجودة من قبل في المشروع</numerusform>
            <numerusform>مستند واحد موجود من قبل في المشروع</numerusform>
            <numerusform>مستندان موجودان من قبل في المشروع</numerusform>
            <numerusform>%Ln مستندات موجودة من قبل في المشروع</numerusform>
            <numerusform>%Ln مستندًا موجودًا من قبل في المشروع</numerusform>
            <numerusform>%Ln مستند موجود من قبل في المشروع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files failed</source>
        <translation>
            <numerusform>لم يفشل أي ملف</numerusform>
            <numerusform>فشل ملف واحد</numerusform>
            <numerusform>فشل ملفان</numerusform>
            <numerusform>فشلت %Ln ملفات</numerusform>
            <numerusform>فشل %Ln ملفًا</numerusform>
            <numerusform>فشل %Ln ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln documents ({entities} entities, {relations} relations) to {path}</source>
        <translation>
            <numerusform>لم يُصدَّر أي مستند (الكيانات: {entities}، العلاقات: {relations}) إلى {path}</numerusform>
            <numerusform>صُدِّر مستند واحد (الكيانات: {entities}، العلاقات: {relations}) إلى {path}</numerusform>
            <numerusform>صُدِّر مستندان (الكيانات: {entities}، العلاقات: {relations}) إلى {path}</numerusform>
            <numerusform>صُدِّرت %Ln مستندات (الكيانات: {entities}، العلاقات: {relations}) إلى {path}</numerusform>
            <numerusform>صُدِّر %Ln مستندًا (الكيانات: {entities}، العلاقات: {relations}) إلى {path}</numerusform>
            <numerusform>صُدِّر %Ln مستند (الكيانات: {entities}، العلاقات: {relations}) إلى {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>left out: {count} {what}</source>
        <translation>أُسقط: {what} ({count})</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message numerus="yes">
        <source>Proposed %Ln {label} candidates; left out {decided} already decided and {already} already proposed.</source>
        <translation>
            <numerusform>لم يُقترح أي مرشّح بوسم {label}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح مرشّح واحد بوسم {label}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح مرشّحان بوسم {label}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرحت %Ln مرشّحات بوسم {label}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح %Ln مرشّحًا بوسم {label}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح %Ln مرشّح بوسم {label}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>أي مستند</numerusform>
            <numerusform>مستند واحد</numerusform>
            <numerusform>مستندين</numerusform>
            <numerusform>%Ln مستندات</numerusform>
            <numerusform>%Ln مستندًا</numerusform>
            <numerusform>%Ln مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Proposed %Ln candidates in {documents}; left out {decided} already decided and {already} already proposed.</source>
        <translation>
            <numerusform>لم يُقترح أي مرشّح في {documents}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح مرشّح واحد في {documents}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح مرشّحان في {documents}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرحت %Ln مرشّحات في {documents}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح %Ln مرشّحًا في {documents}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
            <numerusform>اقتُرح %Ln مرشّح في {documents}؛ وأُسقط ما سبق البتّ فيه ({decided}) وما سبق اقتراحه ({already}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents: {added} candidates added, {removed} withdrawn, {skipped} suggester runs skipped as up to date</source>
        <translation>
            <numerusform>لا مستندات: أُضيف من المرشّحات {added}، وسُحب {removed}، وتُخطّي {skipped} من تشغيلات المقترِحات لأنها محدَّثة</numerusform>
            <numerusform>في مستند واحد: أُضيف من المرشّحات {added}، وسُحب {removed}، وتُخطّي {skipped} من تشغيلات المقترِحات لأنها محدَّثة</numerusform>
            <numerusform>في مستندين: أُضيف من المرشّحات {added}، وسُحب {removed}، وتُخطّي {skipped} من تشغيلات المقترِحات لأنها محدَّثة</numerusform>
            <numerusform>في %Ln مستندات: أُضيف من المرشّحات {added}، وسُحب {removed}، وتُخطّي {skipped} من تشغيلات المقترِحات لأنها محدَّثة</numerusform>
            <numerusform>في %Ln مستندًا: أُضيف من المرشّحات {added}، وسُحب {removed}، وتُخطّي {skipped} من تشغيلات المقترِحات لأنها محدَّثة</numerusform>
            <numerusform>في %Ln مستند: أُضيف من المرشّحات {added}، وسُحب {removed}، وتُخطّي {skipped} من تشغيلات المقترِحات لأنها محدَّثة</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions cancelled: {counts}</source>
        <translation>أُلغي الاقتراح: {counts}</translation>
    </message>
    <message>
        <source>Suggestions: {counts}</source>
        <translation>الاقتراح: {counts}</translation>
    </message>
    <message numerus="yes">
        <source>{settled} of %Ln disagreements settled</source>
        <translation>
            <numerusform>حُسم {settled} من أصل %Ln خلاف</numerusform>
            <numerusform>حُسم {settled} من أصل خلاف واحد</numerusform>
            <numerusform>حُسم {settled} من أصل خلافين</numerusform>
            <numerusform>حُسم {settled} من أصل %Ln خلافات</numerusform>
            <numerusform>حُسم {settled} من أصل %Ln خلافًا</numerusform>
            <numerusform>حُسم {settled} من أصل %Ln خلاف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchText</name>
    <message>
        <source>{document}: code points {start}–{end}</source>
        <translation>{document}: نقاط الترميز {start}–{end}</translation>
    </message>
    <message>
        <source>Search every document</source>
        <translation>ابحث في كل المستندات</translation>
    </message>
    <message>
        <source>Search the project</source>
        <translation>البحث في المشروع</translation>
    </message>
    <message>
        <source>Through proclitics</source>
        <translation>عبر السوابق</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>تعبير نمطي</translation>
    </message>
    <message>
        <source>Label all…</source>
        <translation>وسم الكل…</translation>
    </message>
    <message>
        <source>Propose every match as a candidate of a label (Ctrl+Shift+L)</source>
        <translation>اقتراح كل تطابق مرشّحًا لوسم تختاره (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents</source>
        <translation>
            <numerusform>أي مستند</numerusform>
            <numerusform>مستند واحد</numerusform>
            <numerusform>مستندين</numerusform>
            <numerusform>%Ln مستندات</numerusform>
            <numerusform>%Ln مستندًا</numerusform>
            <numerusform>%Ln مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches in {documents}</source>
        <translation>
            <numerusform>لا تطابقات في {documents}</numerusform>
            <numerusform>تطابق واحد في {documents}</numerusform>
            <numerusform>تطابقان في {documents}</numerusform>
            <numerusform>%Ln تطابقات في {documents}</numerusform>
            <numerusform>%Ln تطابقًا في {documents}</numerusform>
            <numerusform>%Ln تطابق في {documents}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %Ln matches (more as you scroll), from {documents} to look in</source>
        <translation>
            <numerusform>لا تطابقات بعد (يظهر المزيد مع التمرير)، من {documents} يُبحث فيها</numerusform>
            <numerusform>أول تطابق (يظهر المزيد مع التمرير)، من {documents} يُبحث فيها</numerusform>
            <numerusform>أول تطابقَين (يظهر المزيد مع التمرير)، من {documents} يُبحث فيها</numerusform>
            <numerusform>أول %Ln تطابقات (يظهر المزيد مع التمرير)، من {documents} يُبحث فيها</numerusform>
            <numerusform>أول %Ln تطابقًا (يظهر المزيد مع التمرير)، من {documents} يُبحث فيها</numerusform>
            <numerusform>أول %Ln تطابق (يظهر المزيد مع التمرير)، من {documents} يُبحث فيها</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches to label: search the project first (Ctrl+Shift+F).</source>
        <translation>لا تطابقات لوسمها: ابحث في المشروع أولًا (Ctrl+Shift+F).</translation>
    </message>
    <message>
        <source>Propose every match of «{query}» as a {label} candidate, in up to {documents}? Spans a person decided are left as they are; each document&apos;s proposals are one step of its undo (Ctrl+Z).</source>
        <translation>أتقترح كل تطابق لـ«{query}» مرشّحًا بوسم {label} في ما يصل إلى {documents}؟ تبقى الامتدادات التي بتّ فيها شخص على حالها، واقتراحات كل مستند خطوة واحدة في سجل التراجع الخاص به (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Label all matches</source>
        <translation>وسم كل التطابقات</translation>
    </message>
</context>
<context>
    <name>StartText</name>
    <message>
        <source>Who is annotating</source>
        <translation>اسم المُوسِّم</translation>
    </message>
    <message>
        <source>Your name, recorded with every decision you make
(in a team project, your own layer has this name):</source>
        <translation>اسمك، يُسجَّل مع كل قرار تتخذه
(في مشروع الفريق تحمل طبقتك هذا الاسم):</translation>
    </message>
</context>
<context>
    <name>StatusLineText</name>
    <message numerus="yes">
        <source>Project: {done} of %Ln documents done</source>
        <translation>
            <numerusform>المشروع: أُنجز {done} من أصل %Ln مستند</numerusform>
            <numerusform>المشروع: أُنجز {done} من أصل مستند واحد</numerusform>
            <numerusform>المشروع: أُنجز {done} من أصل مستندين</numerusform>
            <numerusform>المشروع: أُنجز {done} من أصل %Ln مستندات</numerusform>
            <numerusform>المشروع: أُنجز {done} من أصل %Ln مستندًا</numerusform>
            <numerusform>المشروع: أُنجز {done} من أصل %Ln مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>this document: %Ln candidates left, {accepted} accepted</source>
        <translation>
            <numerusform>هذا المستند: لا مرشّحات باقية، والمعتمَد: {accepted}</numerusform>
            <numerusform>هذا المستند: بقي مرشّح واحد، والمعتمَد: {accepted}</numerusform>
            <numerusform>هذا المستند: بقي مرشّحان، والمعتمَد: {accepted}</numerusform>
            <numerusform>هذا المستند: بقيت %Ln مرشّحات، والمعتمَد: {accepted}</numerusform>
            <numerusform>هذا المستند: بقي %Ln مرشّحًا، والمعتمَد: {accepted}</numerusform>
            <numerusform>هذا المستند: بقي %Ln مرشّح، والمعتمَد: {accepted}</numerusform>
        </translation>
    </message>
    <message>
        <source>{source}, {decision} by {who}</source>
        <translation>{source}، {decision} من {who}</translation>
    </message>
    <message>
        <source>{source}, {decision}</source>
        <translation>{source}، {decision}</translation>
    </message>
    <message>
        <source>{text} — {label}, {status} ({how})</source>
        <translation>{text} — {label}، {status} ({how})</translation>
    </message>
    <message>
        <source>{annotator} (layer {layer})</source>
        <translation>{annotator} (الطبقة {layer})</translation>
    </message>
</context>
<context>
    <name>SuggestText</name>
    <message>
        <source>Suggestions stopped: {error}</source>
        <translation>توقّف الاقتراح: {error}</translation>
    </message>
    <message>
        <source>Project model: could not start: {error}</source>
        <translation>نموذج المشروع: تعذّر بدء التدريب: {error}</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>بلا رسالة</translation>
    </message>
    <message>
        <source>Project model: training failed: {reason}</source>
        <translation>نموذج المشروع: فشل التدريب: {reason}</translation>
    </message>
    <message>
        <source>Project model retrained on the project&apos;s gold: its candidates follow</source>
        <translation>أُعيد تدريب نموذج المشروع على مرجعه الذهبي: تليه مرشّحاته</translation>
    </message>
    <message>
        <source>Project model: {summary}</source>
        <translation>نموذج المشروع: {summary}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>انتهى</translation>
    </message>
</context>
<context>
    <name>SuggestionsText</name>
    <message>
        <source>Project model: learning…</source>
        <extracomment>retrain the project learner when it is due (the GUI tests switch it off)</extracomment>
        <translation>نموذج المشروع: يتعلّم…</translation>
    </message>
    <message>
        <source>camel-tools NER model folder</source>
        <translation>مجلد نموذج camel-tools للتعرّف على الكيانات المسمّاة</translation>
    </message>
    <message>
        <source>NER model</source>
        <translation>نموذج التعرّف على الكيانات المسمّاة</translation>
    </message>
    <message>
        <source>NER model set to {folder}; Suggest (Ctrl+Shift+S) runs it in the background</source>
        <translation>عُيِّن نموذج التعرّف على الكيانات المسمّاة: {folder}؛ والاقتراح (Ctrl+Shift+S) يشغّله في الخلفية</translation>
    </message>
</context>
<context>
    <name>TeamText</name>
    <message>
        <source>Assign</source>
        <translation>التوزيع</translation>
    </message>
    <message>
        <source>This project already handed its documents out. Hand them out again? The files of the earlier hand-out can then no longer be merged.</source>
        <translation>سبق أن وُزِّعت مستندات هذا المشروع. أتوزّعها من جديد؟ لن يمكن بعد ذلك دمج ملفات التوزيع السابق.</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln documents -&gt; {path}</source>
        <translation>
            <numerusform>{name}: لا مستندات ← {path}</numerusform>
            <numerusform>{name}: مستند واحد ← {path}</numerusform>
            <numerusform>{name}: مستندان ← {path}</numerusform>
            <numerusform>{name}: %Ln مستندات ← {path}</numerusform>
            <numerusform>{name}: %Ln مستندًا ← {path}</numerusform>
            <numerusform>{name}: %Ln مستند ← {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents go to several annotators, for agreement.</source>
        <translation>
            <numerusform>لا يذهب أي مستند إلى أكثر من مُوسِّم لقياس الاتفاق.</numerusform>
            <numerusform>يذهب مستند واحد إلى عدة مُوسِّمين لقياس الاتفاق.</numerusform>
            <numerusform>يذهب مستندان إلى عدة مُوسِّمين لقياس الاتفاق.</numerusform>
            <numerusform>تذهب %Ln مستندات إلى عدة مُوسِّمين لقياس الاتفاق.</numerusform>
            <numerusform>يذهب %Ln مستندًا إلى عدة مُوسِّمين لقياس الاتفاق.</numerusform>
            <numerusform>يذهب %Ln مستند إلى عدة مُوسِّمين لقياس الاتفاق.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge annotators&apos; work</source>
        <translation>دمج عمل المُوسِّمين</translation>
    </message>
    <message>
        <source>annotator projects and JSONL (*.sqlite *.jsonl);;All (*)</source>
        <translation>مشاريع annotator وملفات JSONL (*.sqlite *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>الدمج</translation>
    </message>
    <message>
        <source>Nothing was merged: {error}</source>
        <translation>لم يُدمج شيء: {error}</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln documents into the layer &apos;{layer}&apos;</source>
        <translation>
            <numerusform>{name}: لا مستندات في الطبقة «{layer}»</numerusform>
            <numerusform>{name}: مستند واحد في الطبقة «{layer}»</numerusform>
            <numerusform>{name}: مستندان في الطبقة «{layer}»</numerusform>
            <numerusform>{name}: %Ln مستندات في الطبقة «{layer}»</numerusform>
            <numerusform>{name}: %Ln مستندًا في الطبقة «{layer}»</numerusform>
            <numerusform>{name}: %Ln مستند في الطبقة «{layer}»</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>Hand documents out to annotators</source>
        <translation>توزيع المستندات على المُوسِّمين</translation>
    </message>
    <message>
        <source>amal, omar, sara</source>
        <translation>أمل، عمر، سارة</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>المُوسِّمون</translation>
    </message>
    <message>
        <source>Their files go to</source>
        <translation>مجلد ملفاتهم</translation>
    </message>
    <message>
        <source>Shared for agreement (share)</source>
        <translation>الحصة المشتركة لقياس الاتفاق (نسبة)</translation>
    </message>
    <message>
        <source>Annotators per shared document</source>
        <translation>عدد المُوسِّمين لكل مستند مشترك</translation>
    </message>
    <message>
        <source>Seed (the same seed, the same hand-out)</source>
        <translation>البذرة (البذرة نفسها تعطي التوزيع نفسه)</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>مجلد الملفات</translation>
    </message>
    <message>
        <source>Agreement between annotators</source>
        <translation>الاتفاق بين المُوسِّمين</translation>
    </message>
    <message numerus="yes">
        <source>%Ln documents compared · Krippendorff&apos;s alpha {alpha}</source>
        <translation>
            <numerusform>لم يُقارن أي مستند · ألفا كريبندورف {alpha}</numerusform>
            <numerusform>قورن مستند واحد · ألفا كريبندورف {alpha}</numerusform>
            <numerusform>قورن مستندان · ألفا كريبندورف {alpha}</numerusform>
            <numerusform>قورنت %Ln مستندات · ألفا كريبندورف {alpha}</numerusform>
            <numerusform>قورن %Ln مستندًا · ألفا كريبندورف {alpha}</numerusform>
            <numerusform>قورن %Ln مستند · ألفا كريبندورف {alpha}</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {done} of {total} done</source>
        <translation>{name}: أنجز {done} من أصل {total}</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <source>Relaxed F1</source>
        <translation>F1 (تطابق مرن)</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa</source>
        <translation>كابا كوهين</translation>
    </message>
    <message>
        <source>Relation F1</source>
        <translation>F1 للعلاقات</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>Save the HTML report…</source>
        <translation>حفظ التقرير بصيغة HTML…</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Each annotator against the curated gold</source>
        <translation>كل مُوسِّم مقارنةً بالمرجع الذهبي المنقَّح</translation>
    </message>
    <message>
        <source>Documents, most disagreement first</source>
        <translation>المستندات، الأكثر خلافًا أولًا</translation>
    </message>
    <message>
        <source>Agreement report</source>
        <translation>تقرير الاتفاق</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>صفحة HTML (*.html)</translation>
    </message>
    <message>
        <source>{path}: cannot write it: {reason}</source>
        <translation>{path}: تعذّرت كتابته: {reason}</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>candidate</source>
        <translation>مرشّح</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>معتمَد</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجَز</translation>
    </message>
    <message>
        <source>agreed (pre-merge)</source>
        <translation>متَّفق عليه (الدمج المسبق)</translation>
    </message>
    <message>
        <source>chosen from {annotator}</source>
        <translation>مأخوذ من {annotator}</translation>
    </message>
    <message>
        <source>none taken</source>
        <translation>لم تؤخذ أي نسخة</translation>
    </message>
    <message>
        <source>curator&apos;s own</source>
        <translation>نسخة المنقِّح</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>علاقة</translation>
    </message>
</context>
<context>
    <name>ViewText</name>
    <message>
        <source>Hide candidates</source>
        <extracomment>the project setting: candidates with a lower confidence are hidden and skipped by Tab</extracomment>
        <translation>إخفاء المرشّحات</translation>
    </message>
    <message>
        <source>Hide candidates whose confidence is below (0 shows them all;
candidates without a confidence always show):</source>
        <translation>إخفاء المرشّحات التي تقلّ ثقتها عن (الصفر يُظهرها كلها؛
والمرشّحات التي لا ثقة لها تظهر دائمًا):</translation>
    </message>
    <message numerus="yes">
        <source>Candidates below confidence {value} are hidden (%Ln in this document)</source>
        <translation>
            <numerusform>أُخفيت المرشّحات التي تقلّ ثقتها عن {value} (لا شيء منها في هذا المستند)</numerusform>
            <numerusform>أُخفيت المرشّحات التي تقلّ ثقتها عن {value} (مرشّح واحد في هذا المستند)</numerusform>
            <numerusform>أُخفيت المرشّحات التي تقلّ ثقتها عن {value} (مرشّحان في هذا المستند)</numerusform>
            <numerusform>أُخفيت المرشّحات التي تقلّ ثقتها عن {value} (%Ln مرشّحات في هذا المستند)</numerusform>
            <numerusform>أُخفيت المرشّحات التي تقلّ ثقتها عن {value} (%Ln مرشّحًا في هذا المستند)</numerusform>
            <numerusform>أُخفيت المرشّحات التي تقلّ ثقتها عن {value} (%Ln مرشّح في هذا المستند)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowText</name>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>project</source>
        <translation>مشروع</translation>
    </message>
    <message>
        <source>annotator — {project} (read-only)</source>
        <translation>annotator — {project} (للقراءة فقط)</translation>
    </message>
    <message>
        <source>annotator — {project}</source>
        <translation>annotator — {project}</translation>
    </message>
    <message>
        <source>suggesting %v/%m</source>
        <translation>الاقتراح جارٍ %v/%m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Undo {edit}</source>
        <translation>تراجع عن {edit}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo {edit}</source>
        <translation>إعادة {edit}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>The project was changed by another program: reloaded.</source>
        <translation>غيّر برنامج آخر المشروع: أُعيد تحميله.</translation>
    </message>
</context>
</TS>
