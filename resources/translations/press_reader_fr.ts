<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddFeedDialog</name>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="99"/>
        <source>Add Feed</source>
        <translation>Ajouter un flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="112"/>
        <source>Feed address</source>
        <extracomment>The finder&apos;s request this dialog waits for (0: none). The address to subscribe to once chosen (a feed found, or the address as given).</extracomment>
        <translation>Adresse du flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="117"/>
        <source>Feed address problem</source>
        <translation>Problème d’adresse du flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="130"/>
        <source>Feed search</source>
        <translation>Recherche de flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="136"/>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="136"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="137"/>
        <source>Feeds found</source>
        <translation>Flux trouvés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="148"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="156"/>
        <source>Top level (type a new folder to create it)</source>
        <translation>Premier niveau (tapez un nouveau dossier pour le créer)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="161"/>
        <source>Optional: the feed&apos;s own title is used</source>
        <translation>Facultatif&#xa0;: le titre du flux est utilisé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="162"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="168"/>
        <location filename="../../reader/ui/add_feed_dialog.py" line="169"/>
        <source>Subscribe</source>
        <translation>S’abonner</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="171"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="172"/>
        <source>Subscribe &amp;Anyway</source>
        <translation>S’abonner &amp;quand même</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="173"/>
        <source>Subscribe anyway</source>
        <translation>S’abonner quand même</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="174"/>
        <source>Subscribe to the address as typed, without checking it</source>
        <translation>S’abonner à l’adresse telle que saisie, sans la vérifier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="187"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="189"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="191"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="267"/>
        <source>You are already subscribed to this feed.</source>
        <translation>Vous êtes déjà abonné à ce flux.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="315"/>
        <source>Looking for feeds at this address…</source>
        <translation>Recherche des flux à cette adresse…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="338"/>
        <source>Only a JSON Feed was found, which is not yet supported.</source>
        <translation>Seul un flux JSON Feed a été trouvé, ce format n’est pas encore pris en charge.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="343"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="348"/>
        <source>{0} (JSON Feed: not yet supported)</source>
        <translation>{0} (JSON Feed : pas encore pris en charge)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="351"/>
        <source>{0} (already subscribed)</source>
        <translation>{0} (déjà abonné)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="364"/>
        <source>The page names no feed, but the site has this one:</source>
        <translation>La page ne nomme aucun flux, mais le site a celui-ci :</translation>
    </message>
    <message>
        <location filename="../../reader/ui/add_feed_dialog.py" line="366"/>
        <source>The page names this feed:</source>
        <translation>La page nomme ce flux :</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/add_feed_dialog.py" line="368"/>
        <source>The page names %n feeds; pick one:</source>
        <translation>
            <numerusform>La page nomme %n flux ; choisissez-en un :</numerusform>
            <numerusform>La page nomme %n flux ; choisissez-en un :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="149"/>
        <source>Annotations</source>
        <extracomment>How long typing may pause before the note is saved, in milliseconds. The highlight the editor shows (as last read), or None. The note text last loaded or saved: the editor differs from it while typing. A note kept in the editor after its highlight was deleted elsewhere.</extracomment>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="166"/>
        <source>Highlights of this article</source>
        <translation>Surlignages de cet article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="173"/>
        <source>No highlights</source>
        <translation>Aucun surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="180"/>
        <source>Highlight colour</source>
        <translation>Couleur du surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="186"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="187"/>
        <source>Delete highlight</source>
        <translation>Supprimer le surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="188"/>
        <source>Delete this highlight (Delete)</source>
        <translation>Supprimer ce surlignage (Suppr)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="190"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="191"/>
        <source>Your note… (Ctrl+Return to save)</source>
        <translation>Votre note… (Ctrl+Entrée pour enregistrer)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="193"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="196"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="211"/>
        <source>&amp;Colour</source>
        <translation>&amp;Couleur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="213"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="215"/>
        <source>&amp;Tags</source>
        <translation>&amp;Mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="473"/>
        <source>This highlight was deleted elsewhere.</source>
        <translation>Ce surlignage a été supprimé ailleurs.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="562"/>
        <source>This highlight was deleted elsewhere; your note was not saved and is kept above so you can copy it.</source>
        <translation>Ce surlignage a été supprimé ailleurs&#xa0;; votre note n’a pas été enregistrée, elle reste ci-dessus pour que vous puissiez la copier.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="639"/>
        <location filename="../../reader/ui/annotation_panel.py" line="644"/>
        <source>Highlights</source>
        <translation>Surlignages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="641"/>
        <source>Open an article to see its highlights and notes here.</source>
        <translation>Ouvrez un article pour voir ici ses surlignages et ses notes.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_panel.py" line="647"/>
        <source>No highlights in this article yet.

Select a passage and press H to highlight it, or Shift+H to highlight it with a note.</source>
        <translation>Aucun surlignage dans cet article pour l’instant.

Sélectionnez un passage et appuyez sur H pour le surligner, ou sur Maj+H pour le surligner avec une note.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/annotation_panel.py" line="655"/>
        <source>%Ln highlight</source>
        <translation>
            <numerusform>%Ln surlignage</numerusform>
            <numerusform>%Ln surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/annotation_panel.py" line="657"/>
        <source>%Ln highlights</source>
        <translation>
            <numerusform>%Ln surlignage</numerusform>
            <numerusform>%Ln surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/annotation_panel.py" line="660"/>
        <source>%Ln orphaned</source>
        <translation>
            <numerusform>%Ln orphelin</numerusform>
            <numerusform>%Ln orphelins</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <location filename="../../reader/ui/annotations.py" line="127"/>
        <source>Rename tag “{0}” to “{1}”</source>
        <extracomment>A Change, after a command is done, undone or redone. A message for the user when undoing or redoing cannot be done (the article went).</extracomment>
        <translation>le renommage de «&#xa0;{0}&#xa0;» en «&#xa0;{1}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="137"/>
        <source>Colour of tag “{0}”</source>
        <translation>la couleur du mot-clé «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="147"/>
        <source>Delete tag “{0}”</source>
        <translation>la suppression du mot-clé «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="205"/>
        <source>Highlight “{0}”</source>
        <translation>le surlignage «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="227"/>
        <source>Delete highlight “{0}”</source>
        <translation>la suppression du surlignage «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="286"/>
        <source>Untag {0}</source>
        <translation>le retrait des mots-clés {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="288"/>
        <source>Tag {0}</source>
        <translation>l’ajout des mots-clés {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="247"/>
        <source>Edit note on “{0}”</source>
        <extracomment>Note edits of one highlight made one after another merge into one undo step.</extracomment>
        <translation>la modification de la note sur «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="248"/>
        <source>Change colour of “{0}”</source>
        <translation>le changement de couleur de «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="249"/>
        <source>Change tags of “{0}”</source>
        <translation>la modification des mots-clés de «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations.py" line="251"/>
        <source>Edit highlight “{0}”</source>
        <translation>la modification du surlignage «&#xa0;{0}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../reader/ui/article_list.py" line="419"/>
        <source>Title</source>
        <extracomment>The invisible root, as the default parent of the model methods. Rows fetched per page: enough to fill a tall window, small enough to come back at once. Most search hits shown; search results are ranked, so they are not paged. The Article value (as listed: without its body). The article&apos;s id. For search hits: the snippet as HTML, matched words in &lt;b&gt;…&lt;/b&gt;; None otherwise. id → row, built when first needed (scrolling through a whole library never needs it, and it would cost several megabytes there).</extracomment>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="419"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="419"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="429"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/article_list.py" line="460"/>
        <source>Tags: {0}</source>
        <translation>Mots-clés&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>BriefComposer</name>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="179"/>
        <location filename="../../reader/ui/brief_composer.py" line="618"/>
        <source>Brief</source>
        <translation>Revue de presse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="111"/>
        <source>Select Articles</source>
        <extracomment>How long the criteria wait for a pause before the articles are selected again. How long edits wait for a pause before the preview follows. Whether changed criteria select again by themselves: only while nothing arranged by hand would be lost. The last error shown in a message box (tests and accessibility tools read it).</extracomment>
        <translation>Sélectionner les articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="112"/>
        <source>Select articles</source>
        <translation>Sélectionner les articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="114"/>
        <source>Choose the articles the criteria match and group them into sections again</source>
        <translation>Choisir de nouveau les articles qui répondent aux critères et les regrouper en sections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="118"/>
        <source>Selection result</source>
        <translation>Résultat de la sélection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="135"/>
        <source>Brief and selection criteria</source>
        <translation>Revue de presse et critères de sélection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="146"/>
        <source>&amp;Preview:</source>
        <translation>A&amp;perçu&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="165"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="166"/>
        <source>Save the brief in the library</source>
        <translation>Enregistrer la revue de presse dans la bibliothèque</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="169"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="170"/>
        <source>Write the brief to a file in the chosen format</source>
        <translation>Écrire la revue de presse dans un fichier au format choisi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="173"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="200"/>
        <source>Export progress</source>
        <translation>Progression de l’export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="203"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="205"/>
        <location filename="../../reader/ui/brief_composer.py" line="206"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="272"/>
        <location filename="../../reader/ui/brief_composer.py" line="387"/>
        <source>Untitled brief</source>
        <translation>Revue de presse sans titre</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="288"/>
        <source>Press review, {0}</source>
        <translation>Revue de presse du {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="317"/>
        <source>The brief could not be opened.</source>
        <translation>La revue de presse n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="337"/>
        <source>One highlight was deleted since the brief was saved: it is left out.</source>
        <translation>Un surlignage a été supprimé depuis l’enregistrement de la revue de presse&#xa0;: il est laissé de côté.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_composer.py" line="340"/>
        <source>%Ln highlights were deleted since the brief was saved: they are left out.</source>
        <translation>
            <numerusform>%Ln surlignage a été supprimé depuis l’enregistrement de la revue de presse&#xa0;: il est laissé de côté.</numerusform>
            <numerusform>%Ln surlignages ont été supprimés depuis l’enregistrement de la revue de presse&#xa0;: ils sont laissés de côté.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="362"/>
        <source>Wait for the export to finish.</source>
        <translation>Attendez la fin de l’export.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="374"/>
        <source>The brief could not be saved.</source>
        <translation>La revue de presse n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="377"/>
        <source>Saved “{0}”.</source>
        <translation>«&#xa0;{0}&#xa0;» enregistrée.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="385"/>
        <source>Unsaved Brief</source>
        <translation>Revue de presse non enregistrée</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="386"/>
        <source>Save the changes to “{0}”?</source>
        <translation>Enregistrer les modifications de «&#xa0;{0}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="394"/>
        <source>Discarded changes cannot be brought back.</source>
        <translation>Les modifications abandonnées ne pourront pas être récupérées.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="438"/>
        <source>Select articles</source>
        <comment>undo command</comment>
        <translation>la sélection des articles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_composer.py" line="442"/>
        <source>%Ln article</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_composer.py" line="444"/>
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_composer.py" line="448"/>
        <source>in %Ln section.</source>
        <translation>
            <numerusform>dans %Ln section.</numerusform>
            <numerusform>dans %Ln sections.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_composer.py" line="450"/>
        <source>in %Ln sections.</source>
        <translation>
            <numerusform>dans %Ln section.</numerusform>
            <numerusform>dans %Ln sections.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="452"/>
        <source>{0} {1}</source>
        <comment>articles in sections</comment>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="465"/>
        <source>The criteria changed: Select Articles chooses the articles again.</source>
        <translation>Les critères ont changé&#xa0;: Sélectionner les articles choisit de nouveau les articles.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="481"/>
        <source>untitled</source>
        <translation>sans titre</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="482"/>
        <source>Brief — {0}[*]</source>
        <translation>Revue de presse — {0}[*]</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="534"/>
        <source>An export is already running.</source>
        <translation>Un export est déjà en cours.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="538"/>
        <source>Nothing to export yet: select articles first.</source>
        <translation>Rien à exporter pour l’instant&#xa0;: sélectionnez d’abord des articles.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="577"/>
        <source>Exporting to {0}…</source>
        <translation>Export vers {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="587"/>
        <source>Exported to {0}.</source>
        <translation>Exportée vers {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="594"/>
        <source>The brief was exported, but could not be saved.</source>
        <translation>La revue de presse a été exportée, mais n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="602"/>
        <source>One article marked as used.</source>
        <translation>Un article marqué comme utilisé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_composer.py" line="604"/>
        <source>%Ln articles marked as used.</source>
        <translation>
            <numerusform>%Ln article marqué comme utilisé.</numerusform>
            <numerusform>%Ln articles marqués comme utilisés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="611"/>
        <source>The export failed.</source>
        <translation>L’export a échoué.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_composer.py" line="516"/>
        <location filename="../../reader/ui/brief_composer.py" line="612"/>
        <source>The brief was not exported.</source>
        <translation>La revue de presse n’a pas été exportée.</translation>
    </message>
</context>
<context>
    <name>BriefExporter</name>
    <message>
        <location filename="../../reader/ui/brief_export.py" line="120"/>
        <source>the export stopped on an unexpected error</source>
        <extracomment>The user agreed to replace a read-only file at ``path``. A long PDF takes seconds; the window waits for it before it closes.</extracomment>
        <translation>l’export s’est arrêté sur une erreur inattendue</translation>
    </message>
</context>
<context>
    <name>BriefFields</name>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="17"/>
        <source>Brief</source>
        <translation>Revue de presse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="19"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="20"/>
        <source>Title of the brief</source>
        <translation>Titre de la revue de presse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="22"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="23"/>
        <source>Your name or team (optional)</source>
        <translation>Vous ou votre équipe (facultatif)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="27"/>
        <source>Language of the brief</source>
        <translation>Langue de la revue de presse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="29"/>
        <source>The language of the brief&apos;s headings, labels and dates</source>
        <translation>La langue des titres, des mentions et des dates de la revue de presse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="33"/>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="34"/>
        <source>Author:</source>
        <translation>Auteur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_fields.py" line="35"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>BriefPreview</name>
    <message>
        <location filename="../../reader/ui/brief_preview.py" line="28"/>
        <source>Preview of the brief</source>
        <translation>Aperçu de la revue de presse</translation>
    </message>
</context>
<context>
    <name>BriefSectionsModel</name>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="212"/>
        <source>Add section</source>
        <extracomment>The invisible root, as the default parent of the model methods. The data role that gives an item&apos;s BriefItem (None on a section row). What a drag of rows of this model carries: where the dragged row was. Undo commands with this id merge while they edit the same item&apos;s summary. A section as kept for undo: its uid, heading and items. The change is already made when the command is pushed.</extracomment>
        <translation>l’ajout d’une section</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="226"/>
        <source>Rename section</source>
        <translation>le renommage de la section</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="245"/>
        <source>Edit summary</source>
        <translation>la modification du résumé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="261"/>
        <source>Remove section</source>
        <translation>le retrait de la section</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="262"/>
        <source>Section “{0}” removed</source>
        <translation>Section «&#xa0;{0}&#xa0;» retirée</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="267"/>
        <source>Remove article</source>
        <translation>le retrait de l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="268"/>
        <source>“{0}” removed</source>
        <translation>«&#xa0;{0}&#xa0;» retiré</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="296"/>
        <source>Move article</source>
        <translation>le déplacement de l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="315"/>
        <source>Move section</source>
        <translation>le déplacement de la section</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="394"/>
        <source>Section / article</source>
        <translation>Section / article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="394"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="394"/>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="407"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="416"/>
        <source>Summary: {0}</source>
        <translation>Résumé&#xa0;: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="418"/>
        <source>The article is no longer in the library.</source>
        <translation>L’article n’est plus dans la bibliothèque.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_sections.py" line="433"/>
        <source>%Ln article</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/brief_sections.py" line="434"/>
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections.py" line="439"/>
        <source>{0} — double-click or F2 to rename</source>
        <translation>{0} — double-clic ou F2 pour renommer</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <location filename="../../reader/ui/selection_toolbar.py" line="60"/>
        <source>Highlight: {0}</source>
        <extracomment>Room around the bar&apos;s body for its shadow, in pixels. Distance between the bar and the selected line, in pixels. Least distance between the bar and the viewport&apos;s edges, in pixels.</extracomment>
        <translation>Surligner&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>Companions</name>
    <message>
        <location filename="../../reader/ui/companions.py" line="62"/>
        <source>No saved brief yet: File ▸ New Brief… makes one.</source>
        <extracomment>The brief being composed: one composer at a time.</extracomment>
        <translation>Aucune revue de presse enregistrée pour l’instant&#xa0;: Fichier ▸ Nouvelle revue de presse… en crée une.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/companions.py" line="66"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/companions.py" line="72"/>
        <source>Open Brief</source>
        <translation>Ouvrir une revue de presse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/companions.py" line="72"/>
        <source>Saved briefs:</source>
        <translation>Revues de presse enregistrées&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/companions.py" line="105"/>
        <source>The article of this highlight was deleted; its quote and note remain.</source>
        <translation>L’article de ce surlignage a été supprimé&#xa0;; sa citation et sa note restent.</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="77"/>
        <source>From</source>
        <extracomment>The ways a brief is grouped into sections, as the criteria spell them. The exact period of an opened brief, while the date controls still show it.</extracomment>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="78"/>
        <source>Only articles published from a date</source>
        <translation>Seulement les articles publiés à partir d’une date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="79"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="80"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="81"/>
        <source>Only articles published up to a date</source>
        <translation>Seulement les articles publiés jusqu’à une date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="82"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="91"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="94"/>
        <source>Articles tagged so, themselves or in a highlight; a tag includes those below it</source>
        <translation>Articles portant ces mots-clés, eux-mêmes ou dans un surlignage&#xa0;; un mot-clé inclut ceux qui sont en dessous</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="98"/>
        <source>Any of these tags</source>
        <translation>L’un de ces mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="99"/>
        <source>All of these tags</source>
        <translation>Tous ces mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="100"/>
        <source>Tag match</source>
        <translation>Correspondance des mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="104"/>
        <source>Feeds and folders</source>
        <translation>Flux et dossiers</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="105"/>
        <source>Tick feeds or folders; none ticked means every feed</source>
        <translation>Cochez des flux ou des dossiers&#xa0;; si rien n’est coché, tous les flux comptent</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="110"/>
        <location filename="../../reader/ui/brief_criteria.py" line="111"/>
        <source>Starred articles only</source>
        <translation>Articles favoris seulement</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="116"/>
        <location filename="../../reader/ui/brief_criteria.py" line="117"/>
        <source>Not used in a previous brief</source>
        <translation>Absents d’une revue précédente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="118"/>
        <source>Leave out articles sent in a brief already exported</source>
        <translation>Écarter les articles envoyés dans une revue de presse déjà exportée</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="121"/>
        <source>By tag</source>
        <translation>Par mot-clé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="122"/>
        <source>By source</source>
        <translation>Par source</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="123"/>
        <source>One section</source>
        <translation>Une seule section</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="124"/>
        <source>Group articles</source>
        <translation>Regrouper les articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="126"/>
        <source>country</source>
        <translation>pays</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="127"/>
        <source>Tag level making the sections</source>
        <translation>Niveau de mot-clé qui fait les sections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="129"/>
        <source>“country” makes one section per country/… tag; empty: one per tag</source>
        <translation>«&#xa0;pays&#xa0;» fait une section par mot-clé pays/…&#xa0;; vide&#xa0;: une par mot-clé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="137"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="140"/>
        <source>Period:</source>
        <translation>Période&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="141"/>
        <source>Tags:</source>
        <translation>Mots-clés&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="143"/>
        <source>Feeds:</source>
        <translation>Flux&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="144"/>
        <source>Colours:</source>
        <translation>Couleurs&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="148"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="150"/>
        <source>Group:</source>
        <translation>Regrouper&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="151"/>
        <source>Tag level:</source>
        <translation>Niveau&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="219"/>
        <source>Every feed of the folder “{0}”</source>
        <translation>Tous les flux du dossier «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="250"/>
        <source>{0} highlights ({1})</source>
        <translation>Surlignages&#xa0;: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_criteria.py" line="251"/>
        <source>Only articles with {0} highlights</source>
        <translation>Seulement les articles surlignés en {0}</translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="145"/>
        <source>Unexpected Error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="152"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="154"/>
        <source>Something went wrong. Your library is safe; you can keep working.</source>
        <translation>Quelque chose s’est mal passé. Votre bibliothèque est intacte&#xa0;; vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="157"/>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="159"/>
        <source>If it happens again, please send this report to the developers.</source>
        <translation>Si cela se reproduit, merci d’envoyer ce rapport aux développeurs.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="162"/>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="168"/>
        <source>Error report</source>
        <translation>Rapport d’erreur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="171"/>
        <source>Copy status</source>
        <translation>État de la copie</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="172"/>
        <source>&amp;Copy report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="173"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="175"/>
        <location filename="../../reader/ui/help_dialogs.py" line="176"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="206"/>
        <source>Report copied to the clipboard.</source>
        <translation>Rapport copié dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>ExportControls</name>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="42"/>
        <source>Export format</source>
        <extracomment>The formats laid out on pages, which a paper size applies to. Where the save dialog opens.</extracomment>
        <translation>Format d’export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="55"/>
        <source>Not available in this version</source>
        <translation>Non disponible dans cette version</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="57"/>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="58"/>
        <source>The page size of PDF and Word documents</source>
        <translation>Le format des pages des documents PDF et Word</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="60"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="60"/>
        <source>Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="61"/>
        <location filename="../../reader/ui/brief_export_panel.py" line="62"/>
        <source>Mark articles as used</source>
        <translation>Marquer les articles comme utilisés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="65"/>
        <source>After exporting, save the brief and remember its articles, so “not used in a previous brief” leaves them out next time</source>
        <translation>Après l’export, enregistrer la revue de presse et retenir ses articles, pour que «&#xa0;Absents d’une revue précédente&#xa0;» les écarte la prochaine fois</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="70"/>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="72"/>
        <source>Paper:</source>
        <translation>Papier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="88"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="89"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="90"/>
        <source>Word document</source>
        <translation>Document Word</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="91"/>
        <source>Web page (HTML)</source>
        <translation>Page web (HTML)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="92"/>
        <source>W3C Web Annotations (JSON-LD)</source>
        <translation>Annotations web W3C (JSON-LD)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_export_panel.py" line="111"/>
        <source>Export Brief</source>
        <translation>Exporter la revue de presse</translation>
    </message>
</context>
<context>
    <name>FeedCommands</name>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="94"/>
        <source>Import OPML</source>
        <translation>Importer un OPML</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="96"/>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Fichiers OPML (*.opml *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="102"/>
        <source>An OPML import is already under way.</source>
        <translation>Un import OPML est déjà en cours.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="104"/>
        <source>Importing {0}…</source>
        <translation>Import de {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="109"/>
        <source>Importing {0}: {1} of {2} feeds…</source>
        <translation>Import de {0}&#xa0;: {1} flux sur {2}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="118"/>
        <source>Imported {0}: {1} added, {2} already present, {3} invalid.</source>
        <translation>Import de {0} terminé — ajoutés&#xa0;: {1}, déjà présents&#xa0;: {2}, invalides&#xa0;: {3}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="136"/>
        <source>Cannot read {0}: {1}</source>
        <translation>Impossible de lire {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="150"/>
        <source>Export OPML</source>
        <translation>Exporter en OPML</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="152"/>
        <source>OPML files (*.opml)</source>
        <translation>Fichiers OPML (*.opml)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="175"/>
        <source>Exported {0} to {1}.</source>
        <translation>Export de {0} vers {1} terminé.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="194"/>
        <source>Rename Feed</source>
        <translation>Renommer le flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="195"/>
        <source>Title (empty for the feed&apos;s own):</source>
        <translation>Titre (vide pour celui du flux)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="211"/>
        <source>Move to Folder</source>
        <translation>Déplacer vers un dossier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="212"/>
        <source>Folder (Parent/Child; empty for the top level):</source>
        <translation>Dossier (Parent/Enfant&#xa0;; vide pour le premier niveau)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="241"/>
        <location filename="../../reader/ui/feed_commands.py" line="269"/>
        <source>Delete Feed</source>
        <translation>Supprimer le flux</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_commands.py" line="244"/>
        <source>“{0}” has %Ln article you highlighted. Keep that article (the feed is archived and no longer refreshed), or delete every article? Your highlights and notes are kept in both cases.</source>
        <translation>
            <numerusform>«&#xa0;{0}&#xa0;» a %Ln article que vous avez surligné. Garder cet article (le flux est archivé et n’est plus actualisé), ou supprimer tous les articles&#xa0;? Vos surlignages et vos notes sont conservés dans les deux cas.</numerusform>
            <numerusform>«&#xa0;{0}&#xa0;» a %Ln articles que vous avez surlignés. Garder ces articles (le flux est archivé et n’est plus actualisé), ou supprimer tous les articles&#xa0;? Vos surlignages et vos notes sont conservés dans les deux cas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_commands.py" line="252"/>
        <source>“{0}” has %Ln articles you highlighted. Keep those articles (the feed is archived and no longer refreshed), or delete every article? Your highlights and notes are kept in both cases.</source>
        <translation>
            <numerusform>«&#xa0;{0}&#xa0;» a %Ln article que vous avez surligné. Garder cet article (le flux est archivé et n’est plus actualisé), ou supprimer tous les articles&#xa0;? Vos surlignages et vos notes sont conservés dans les deux cas.</numerusform>
            <numerusform>«&#xa0;{0}&#xa0;» a %Ln articles que vous avez surlignés. Garder ces articles (le flux est archivé et n’est plus actualisé), ou supprimer tous les articles&#xa0;? Vos surlignages et vos notes sont conservés dans les deux cas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="260"/>
        <source>Keep Highlighted Articles</source>
        <translation>Garder les articles surlignés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="261"/>
        <source>Delete All Articles</source>
        <translation>Supprimer tous les articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="270"/>
        <source>Unsubscribe from “{0}” and delete its {1}?</source>
        <translation>Se désabonner de «&#xa0;{0}&#xa0;» et supprimer {1}&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="273"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="287"/>
        <source>Deleted “{0}”.</source>
        <translation>«&#xa0;{0}&#xa0;» supprimé.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="296"/>
        <location filename="../../reader/ui/feed_commands.py" line="301"/>
        <source>Remove Folder</source>
        <translation>Supprimer le dossier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="297"/>
        <source>The folder “{0}” is now empty. Remove it too?</source>
        <translation>Le dossier « {0} » est maintenant vide. Le supprimer aussi ?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="302"/>
        <source>Keep Folder</source>
        <translation>Garder le dossier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="317"/>
        <source>Every feed refreshed without a problem.</source>
        <translation>Tous les flux ont été actualisés sans problème.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="328"/>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="330"/>
        <source>Wait for the refresh under way to end.</source>
        <translation>Attendez la fin de l’actualisation en cours.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="398"/>
        <source>F&amp;ull Text</source>
        <translation>Texte &amp;intégral</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="407"/>
        <source>&amp;Off</source>
        <translation>&amp;Désactivé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="408"/>
        <source>O&amp;n (Every Article)</source>
        <translation>&amp;Activé (chaque article)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="409"/>
        <source>&amp;Automatic (Teasers Only)</source>
        <translation>A&amp;utomatique (extraits seulement)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="431"/>
        <source>“{0}”: from the next refresh, each new article&apos;s full text is fetched from its page. Fetch Full Text (Shift+F) gets it for an article now.</source>
        <translation>«&#xa0;{0}&#xa0;»&#xa0;: dès la prochaine actualisation, le texte intégral de chaque nouvel article est récupéré sur sa page. Récupérer le texte intégral (Maj+F) le fait tout de suite pour un article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="436"/>
        <source>“{0}”: from the next refresh, the full text is fetched for articles the feed gives only as a teaser. Fetch Full Text (Shift+F) gets it for an article now.</source>
        <translation>«&#xa0;{0}&#xa0;»&#xa0;: dès la prochaine actualisation, le texte intégral est récupéré pour les articles que le flux ne donne qu’en extrait. Récupérer le texte intégral (Maj+F) le fait tout de suite pour un article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_commands.py" line="441"/>
        <source>“{0}”: full texts are no longer fetched; those already fetched are kept.</source>
        <translation>«&#xa0;{0}&#xa0;»&#xa0;: les textes intégraux ne sont plus récupérés&#xa0;; ceux déjà récupérés sont conservés.</translation>
    </message>
</context>
<context>
    <name>FeedErrorsDialog</name>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="57"/>
        <source>Feeds with Problems</source>
        <translation>Flux en difficulté</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="64"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="71"/>
        <source>Feeds with problems</source>
        <translation>Flux en difficulté</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="74"/>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="75"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="76"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="77"/>
        <source>Last checked</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="78"/>
        <source>Errors in a row</source>
        <translation>Erreurs d’affilée</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="90"/>
        <source>Problem of the feed</source>
        <translation>Problème du flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="96"/>
        <source>Address of the feed</source>
        <translation>Adresse du flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="99"/>
        <source>&amp;Change Address</source>
        <translation>&amp;Changer l’adresse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="100"/>
        <source>Change address</source>
        <translation>Changer l’adresse</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="106"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="112"/>
        <source>&amp;Problem:</source>
        <translation>&amp;Problème :</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="114"/>
        <source>A&amp;ddress:</source>
        <translation>A&amp;dresse :</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="120"/>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="127"/>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="287"/>
        <source>Retry all</source>
        <translation>Tout réessayer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="121"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="128"/>
        <source>&amp;Remove Feed…</source>
        <translation>&amp;Supprimer le flux…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="129"/>
        <source>Remove feed</source>
        <translation>Supprimer le flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="133"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_errors_dialog.py" line="191"/>
        <source>%Ln feed could not be refreshed or reported a problem.</source>
        <translation>
            <numerusform>%Ln flux n’a pas pu être actualisé ou a signalé un problème.</numerusform>
            <numerusform>%Ln flux n’ont pas pu être actualisés ou ont signalé un problème.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_errors_dialog.py" line="193"/>
        <source>%Ln feeds could not be refreshed or reported a problem.</source>
        <translation>
            <numerusform>%Ln flux n’a pas pu être actualisé ou a signalé un problème.</numerusform>
            <numerusform>%Ln flux n’ont pas pu être actualisés ou ont signalé un problème.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="125"/>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="287"/>
        <source>Retry selected</source>
        <translation>Réessayer la sélection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="209"/>
        <source>The feed is disabled: it is no longer refreshed.</source>
        <translation>Le flux est désactivé : il n’est plus actualisé.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="271"/>
        <source>No problem.</source>
        <translation>Aucun problème.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_errors_dialog.py" line="291"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
</context>
<context>
    <name>FeedTreeModel</name>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="169"/>
        <source>All articles</source>
        <extracomment>Gives a feed&apos;s own icon, or None when it has none (yet): the RSS mark is drawn instead. The invisible root, as the default parent of the model methods. The &quot;Tags&quot; heading, and one tag (a level of a hierarchical name: ``country/Mali`` is &quot;Mali&quot; under &quot;country&quot;). NodeKind (&quot;smart&quot;, &quot;folder&quot; or &quot;feed&quot;). The feed&apos;s id (feeds only). The folder&apos;s path of names, a tuple (folders only; a feed&apos;s own folder is in Feed). &quot;all&quot;, &quot;unread&quot; or &quot;starred&quot; (smart views only). The count shown in the row&apos;s badge: unread articles (starred ones for &quot;Starred&quot;). Why the feed&apos;s last refresh failed, or None. The Feed value (feeds only). The tag&apos;s whole name, e.g. &quot;country/Mali&quot; (tags only). Feeds&apos; own icons with the error mark or greyed out, by state and icon.</extracomment>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="170"/>
        <source>Unread</source>
        <translation>Non lus</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="171"/>
        <source>Starred</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="220"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="474"/>
        <source>Tags of articles and highlights; choose one to list its articles</source>
        <translation>Mots-clés des articles et des surlignages&#xa0;; choisissez-en un pour lister ses articles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_tree.py" line="482"/>
        <source>%Ln article</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_tree.py" line="484"/>
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_tree.py" line="488"/>
        <source>%Ln highlight</source>
        <translation>
            <numerusform>%Ln surlignage</numerusform>
            <numerusform>%Ln surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_tree.py" line="490"/>
        <source>%Ln highlights</source>
        <translation>
            <numerusform>%Ln surlignage</numerusform>
            <numerusform>%Ln surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_tree.py" line="495"/>
        <location filename="../../reader/ui/feed_tree.py" line="500"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln non lu</numerusform>
            <numerusform>%Ln non lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/feed_tree.py" line="498"/>
        <source>%Ln starred</source>
        <translation>
            <numerusform>%Ln favori</numerusform>
            <numerusform>%Ln favoris</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="505"/>
        <source>Last checked: {0}</source>
        <translation>Dernière vérification&#xa0;: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="507"/>
        <source>Not checked yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="509"/>
        <source>Last refresh failed: {0}</source>
        <translation>La dernière actualisation a échoué&#xa0;: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="513"/>
        <source>Archived: kept for its highlighted articles</source>
        <translation>Archivé&#xa0;: conservé pour ses articles surlignés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/feed_tree.py" line="515"/>
        <source>Disabled (the server said the feed is gone)</source>
        <translation>Désactivé (le serveur a indiqué que le flux n’existe plus)</translation>
    </message>
</context>
<context>
    <name>HighlightColor</name>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="49"/>
        <source>Yellow</source>
        <extracomment>How each colour of the palette is painted (light enough for black text on any palette).</extracomment>
        <translation>Jaune</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="50"/>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="51"/>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="52"/>
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="53"/>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="62"/>
        <source>key fact</source>
        <translation>fait clé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="63"/>
        <source>context</source>
        <translation>contexte</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="64"/>
        <source>quote</source>
        <translation>citation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="65"/>
        <source>claim to verify</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="66"/>
        <source>follow up</source>
        <translation>à suivre</translation>
    </message>
</context>
<context>
    <name>HighlightColorsDialog</name>
    <message>
        <location filename="../../reader/ui/annotation_dialogs.py" line="113"/>
        <source>Highlight Colours</source>
        <translation>Couleurs de surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_dialogs.py" line="117"/>
        <source>Say what each colour means in your reviews. The meanings label the highlight menus and the passages of exported briefs.</source>
        <translation>Indiquez ce que chaque couleur signifie dans vos revues. Ces sens nomment les entrées des menus de surlignage et les passages des revues de presse exportées.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_dialogs.py" line="126"/>
        <source>Meaning of {0}</source>
        <translation>Sens de la couleur {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_dialogs.py" line="164"/>
        <source>Give every colour a meaning ({0} has none).</source>
        <translation>Donnez un sens à chaque couleur (sans sens&#xa0;: {0}).</translation>
    </message>
</context>
<context>
    <name>HighlightListModel</name>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="109"/>
        <source>Orphaned — no longer in the article</source>
        <extracomment>Lines of a highlight&apos;s quote, and of its note, shown in the list before eliding. The row&apos;s Highlight, or None on the heading of the orphaned ones. True on the heading row. Highlights and, before the orphaned ones, None for their heading.</extracomment>
        <translation>Orphelins — ne sont plus dans l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="149"/>
        <source>Orphaned highlight</source>
        <translation>Surlignage orphelin</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="149"/>
        <source>Highlight</source>
        <translation>Surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="150"/>
        <source>{0} ({1}): {2}</source>
        <translation>{0} ({1})&#xa0;: {2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="152"/>
        <source>Note: {0}</source>
        <translation>Note&#xa0;: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_list.py" line="154"/>
        <source>Tags: {0}</source>
        <translation>Mots-clés&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>HighlightMarks</name>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="203"/>
        <source>Select a passage of the article first.</source>
        <translation>Sélectionnez d’abord un passage de l’article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlight_marks.py" line="209"/>
        <source>Highlights are made in the article&apos;s text, not in its title or header.</source>
        <translation>Les surlignages se font dans le texte de l’article, pas dans son titre ni son en-tête.</translation>
    </message>
</context>
<context>
    <name>HighlightsModel</name>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="103"/>
        <source>{0} — {1}</source>
        <extracomment>The invisible root, as the default parent of the model methods. The data role that gives the row&apos;s Highlight value. Every highlight, in the library&apos;s order, and by id. What the filter reads, by index into _entries. Indexes into _entries, in the current sort order, then those the filter keeps.</extracomment>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="247"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="248"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="249"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="250"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="251"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="252"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="286"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="303"/>
        <source>Article deleted: the quote, note and tags are kept.</source>
        <translation>Article supprimé&#xa0;: la citation, la note et les mots-clés sont conservés.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="305"/>
        <source>Article changed: this passage is no longer in it.</source>
        <translation>Article modifié&#xa0;: ce passage n’y figure plus.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="307"/>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_model.py" line="314"/>
        <source>Date of the highlight (its article is gone)</source>
        <translation>Date du surlignage (son article n’existe plus)</translation>
    </message>
</context>
<context>
    <name>HighlightsWindow</name>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="117"/>
        <location filename="../../reader/ui/highlights_view.py" line="180"/>
        <source>Highlights</source>
        <extracomment>How long typing pauses before the table follows.</extracomment>
        <translation>Surlignages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="132"/>
        <location filename="../../reader/ui/highlights_view.py" line="134"/>
        <source>Filter highlights</source>
        <translation>Filtrer les surlignages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="136"/>
        <source>Words of the passage, note, article title or tags; accents do not matter</source>
        <translation>Mots du passage, de la note, du titre de l’article ou des mots-clés&#xa0;; les accents ne comptent pas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="142"/>
        <source>Tag</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="143"/>
        <source>A tag, and the tags below it</source>
        <translation>Un mot-clé, et ceux qui sont en dessous</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="152"/>
        <location filename="../../reader/ui/highlights_view.py" line="593"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="154"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="160"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="161"/>
        <source>Only from a date</source>
        <translation>Seulement à partir d’une date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="162"/>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="163"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="164"/>
        <source>Only up to a date</source>
        <translation>Seulement jusqu’à une date</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="165"/>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="166"/>
        <location filename="../../reader/ui/highlights_view.py" line="167"/>
        <source>Orphaned only</source>
        <translation>Orphelins seulement</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="170"/>
        <source>Highlights whose passage is no longer in their article, or whose article is gone</source>
        <translation>Surlignages dont le passage ne figure plus dans l’article, ou dont l’article n’existe plus</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="173"/>
        <location filename="../../reader/ui/highlights_view.py" line="174"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="176"/>
        <source>Highlights shown</source>
        <translation>Surlignages affichés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="214"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="250"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="252"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="254"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="298"/>
        <source>All tags</source>
        <translation>Tous les mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="306"/>
        <source>All colours</source>
        <translation>Toutes les couleurs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="313"/>
        <source>All feeds</source>
        <translation>Tous les flux</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/highlights_view.py" line="408"/>
        <source>{0} of %Ln highlight</source>
        <translation>
            <numerusform>{0} sur %Ln surlignage</numerusform>
            <numerusform>{0} sur %Ln surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/highlights_view.py" line="410"/>
        <source>{0} of %Ln highlights</source>
        <translation>
            <numerusform>{0} sur %Ln surlignage</numerusform>
            <numerusform>{0} sur %Ln surlignages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="504"/>
        <source>The article of this highlight was deleted: it cannot be opened, but its quote, note and tags are kept.</source>
        <translation>L’article de ce surlignage a été supprimé&#xa0;: il ne peut pas être ouvert, mais la citation, la note et les mots-clés sont conservés.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="509"/>
        <source>The article changed and no longer contains this passage; “Go to passage” opens the article.</source>
        <translation>L’article a changé et ne contient plus ce passage&#xa0;; «&#xa0;Aller au passage&#xa0;» ouvre l’article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="537"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="538"/>
        <source>Your note on “{0}”:</source>
        <translation>Votre note sur «&#xa0;{0}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="555"/>
        <source>Highlight deleted; {0} brings it back.</source>
        <translation>Surlignage supprimé&#xa0;; {0} le rétablit.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="572"/>
        <source>“{0}” — {1}, {2}</source>
        <translation>«&#xa0;{0}&#xa0;» — {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="577"/>
        <source>Quote copied.</source>
        <translation>Citation copiée.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="585"/>
        <source>Go to passage</source>
        <translation>Aller au passage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="591"/>
        <source>Edit note…</source>
        <translation>Modifier la note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="605"/>
        <source>Copy quote</source>
        <translation>Copier la citation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/highlights_view.py" line="609"/>
        <source>Delete highlight</source>
        <translation>Supprimer le surlignage</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="86"/>
        <location filename="../../reader/ui/mainwindow.py" line="477"/>
        <source>Press Reader</source>
        <extracomment>The share of the screen&apos;s free area a window takes when it first opens. The window&apos;s one door to the library, besides annotations.</extracomment>
        <translation>Press Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="128"/>
        <source>Feeds</source>
        <extracomment>The pane sizes of each article layout, kept when switching from one to the other.</extracomment>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="137"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="151"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="193"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="201"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="203"/>
        <source>F&amp;eeds</source>
        <translation>F&amp;lux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="211"/>
        <source>&amp;Article</source>
        <translation>&amp;Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="229"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="236"/>
        <source>&amp;Settings</source>
        <translation>&amp;Réglages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="238"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="241"/>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="292"/>
        <source>Refused to open {0}: only web and mail links open.</source>
        <extracomment>The window width below which the toolbar&apos;s buttons lose their text, so that the search box is not pushed into the toolbar&apos;s overflow menu.</extracomment>
        <translation>Ouverture de {0} refusée&#xa0;: seuls les liens web et de courriel s’ouvrent.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="477"/>
        <source>Press Reader — demo library</source>
        <translation>Press Reader — bibliothèque de démonstration</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="518"/>
        <source>Wait for the refresh to finish first.</source>
        <translation>Attendez d’abord la fin de l’actualisation.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../reader/ui/navigation.py" line="91"/>
        <source>No more unread articles here.</source>
        <extracomment>Runs the search when typing pauses.</extracomment>
        <translation>Plus d’article non lu ici.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="159"/>
        <source>Marked %Ln article as read.</source>
        <translation>
            <numerusform>%Ln article marqué comme lu.</numerusform>
            <numerusform>%Ln articles marqués comme lus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="161"/>
        <source>Marked %Ln articles as read.</source>
        <translation>
            <numerusform>%Ln article marqué comme lu.</numerusform>
            <numerusform>%Ln articles marqués comme lus.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigation.py" line="168"/>
        <source>Search articles</source>
        <translation>Rechercher des articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigation.py" line="169"/>
        <source>Search articles (/)</source>
        <translation>Rechercher des articles (/)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="191"/>
        <source>%Ln article matches “{0}”.</source>
        <translation>
            <numerusform>%Ln article correspond à «&#xa0;{0}&#xa0;».</numerusform>
            <numerusform>%Ln articles correspondent à «&#xa0;{0}&#xa0;».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="193"/>
        <source>%Ln articles match “{0}”.</source>
        <translation>
            <numerusform>%Ln article correspond à «&#xa0;{0}&#xa0;».</numerusform>
            <numerusform>%Ln articles correspondent à «&#xa0;{0}&#xa0;».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="214"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln non lu</numerusform>
            <numerusform>%Ln non lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="220"/>
        <source>%Ln article</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="221"/>
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="226"/>
        <source>%Ln highlight</source>
        <translation>
            <numerusform>%Ln surlignage</numerusform>
            <numerusform>%Ln surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="227"/>
        <source>%Ln highlights</source>
        <translation>
            <numerusform>%Ln surlignage</numerusform>
            <numerusform>%Ln surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="232"/>
        <source>%Ln feed</source>
        <translation>
            <numerusform>%Ln flux</numerusform>
            <numerusform>%Ln flux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/navigation.py" line="233"/>
        <source>%Ln feeds</source>
        <translation>
            <numerusform>%Ln flux</numerusform>
            <numerusform>%Ln flux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadOnlyFile</name>
    <message>
        <location filename="../../reader/ui/overwrite.py" line="35"/>
        <source>Read-Only File</source>
        <translation>Fichier en lecture seule</translation>
    </message>
    <message>
        <location filename="../../reader/ui/overwrite.py" line="36"/>
        <source>“{0}” is read-only. Replace it?</source>
        <translation>«&#xa0;{0}&#xa0;» est en lecture seule. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/overwrite.py" line="39"/>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="153"/>
        <source>Open an article and select a passage first.</source>
        <extracomment>The article shown, as last read from the library. The current article&apos;s highlights as painted, to find the one under a click. What the last reload found of the open article, when its feed rewrote it. The user asked for the annotations panel on this article, highlights or not.</extracomment>
        <translation>Ouvrez d’abord un article et sélectionnez un passage.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="167"/>
        <source>Highlighted. Ctrl+Z undoes it.</source>
        <translation>Surligné. Ctrl+Z l’annule.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="220"/>
        <source>Tag Highlight</source>
        <translation>Mots-clés du surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="221"/>
        <source>Tags for “{0}”:</source>
        <translation>Mots-clés de «&#xa0;{0}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="295"/>
        <source>Choose an article first.</source>
        <translation>Choisissez d’abord un article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="306"/>
        <source>This article has no web page to fetch its full text from.</source>
        <translation>Cet article n’a pas de page web d’où récupérer son texte intégral.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="312"/>
        <source>The full text is already being fetched.</source>
        <translation>Le texte intégral est déjà en cours de récupération.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="320"/>
        <source>Fetching the full text…</source>
        <translation>Récupération du texte intégral…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/reader_pane.py" line="334"/>
        <source>Full text fetched: %Ln words.</source>
        <translation>
            <numerusform>Texte intégral récupéré&#xa0;: %Ln mot.</numerusform>
            <numerusform>Texte intégral récupéré&#xa0;: %Ln mots.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/reader_pane.py" line="338"/>
        <source>Full text of “{0}” fetched: %Ln words.</source>
        <translation>
            <numerusform>Texte intégral de «&#xa0;{0}&#xa0;» récupéré&#xa0;: %Ln mot.</numerusform>
            <numerusform>Texte intégral de «&#xa0;{0}&#xa0;» récupéré&#xa0;: %Ln mots.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="367"/>
        <source>Could not fetch the full text: {0}</source>
        <translation>Impossible de récupérer le texte intégral&#xa0;: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="376"/>
        <source>This article has no full text yet: Fetch Full Text (Shift+F) gets it.</source>
        <translation>Cet article n’a pas encore de texte intégral&#xa0;: Récupérer le texte intégral (Maj+F) va le chercher.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="387"/>
        <source>Showing the feed&apos;s version. Shift+V shows the full text again.</source>
        <translation>Version du flux affichée. Maj+V affiche de nouveau le texte intégral.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="390"/>
        <source>Showing the full text.</source>
        <translation>Texte intégral affiché.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="401"/>
        <source>Highlight</source>
        <translation>Surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="404"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="443"/>
        <source>The feed rewrote the open article: one highlight no longer matches its text and is kept, with its note, under “Orphaned”.</source>
        <translation>Le flux a réécrit l’article ouvert&#xa0;: un surlignage ne correspond plus à son texte&#xa0;; il est conservé, avec sa note, sous «&#xa0;Orphelins&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/reader_pane.py" line="448"/>
        <source>The feed rewrote the open article: %Ln highlights no longer match its text and are kept, with their notes, under “Orphaned”.</source>
        <translation>
            <numerusform>Le flux a réécrit l’article ouvert&#xa0;: %Ln surlignage ne correspond plus à son texte&#xa0;; il est conservé, avec sa note, sous «&#xa0;Orphelins&#xa0;».</numerusform>
            <numerusform>Le flux a réécrit l’article ouvert&#xa0;: %Ln surlignages ne correspondent plus à son texte&#xa0;; ils sont conservés, avec leurs notes, sous «&#xa0;Orphelins&#xa0;».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_pane.py" line="453"/>
        <source>The feed rewrote the open article; your highlights followed it.</source>
        <translation>Le flux a réécrit l’article ouvert&#xa0;; vos surlignages l’ont suivi.</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="144"/>
        <source>Article</source>
        <extracomment>The internal link of the &quot;Load images for this article&quot; action. The internal links of the full-text banner: show the feed&apos;s own version of the article, show its full text again, fetch the full text (again). Links the view hands to the system (the browser, the mail client). The least room between the text and the view&apos;s edges, in pixels. Typefaces tried in turn for the serif reading font (the first one installed is used). Loads one image by URL, or returns None when it has none (yet) to show. Hands a URL to the system; replaced in tests so nothing opens for real. Setting the document&apos;s HTML or its margins can resize the viewport (the scroll bar comes or goes), and Qt tells of it from inside the change: the view then neither renders nor lays out again until the change is over. Images handed over by :meth:`on_image_loaded` for the current article. Articles the user reads in the feed&apos;s version although they have a full text. Articles whose full text is being fetched. Why the last fetch of an article failed, when the library could not record it.</extracomment>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="145"/>
        <source>The text of the selected article</source>
        <translation>Le texte de l’article sélectionné</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="320"/>
        <source>Show the article as the feed gives it (the full text stays kept)</source>
        <translation>Afficher l’article tel que le flux le donne (le texte intégral reste conservé)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="322"/>
        <source>Show the full text fetched from the article&apos;s page</source>
        <translation>Afficher le texte intégral récupéré sur la page de l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="324"/>
        <source>Download the article&apos;s page again and find its full text</source>
        <translation>Télécharger de nouveau la page de l’article et en extraire le texte intégral</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="325"/>
        <source>Load the images of this article</source>
        <translation>Charger les images de cet article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="554"/>
        <source>Select an article to read it</source>
        <translation>Sélectionnez un article pour le lire</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="570"/>
        <source>Open original</source>
        <translation>Ouvrir l’original</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="581"/>
        <source>Also in:</source>
        <translation>Aussi dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="588"/>
        <source>Images are not loaded.</source>
        <translation>Les images ne sont pas chargées.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="589"/>
        <source>Load images for this article</source>
        <translation>Charger les images de cet article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="638"/>
        <source>Fetching the full text…</source>
        <translation>Récupération du texte intégral…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="642"/>
        <source>The feed&apos;s version.</source>
        <translation>Version du flux.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="643"/>
        <source>Show the full text</source>
        <translation>Afficher le texte intégral</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="645"/>
        <source>the article&apos;s page</source>
        <translation>la page de l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="651"/>
        <source>Full text from {host}; fetching it again failed: {reason}.</source>
        <translation>Texte intégral de {host}&#xa0;; la nouvelle récupération a échoué&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="656"/>
        <location filename="../../reader/ui/reader_view.py" line="672"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="659"/>
        <source>Full text from {host}, fetched {date}.</source>
        <translation>Texte intégral de {host}, récupéré le {date}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="663"/>
        <source>Show the feed&apos;s version</source>
        <translation>Afficher la version du flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="669"/>
        <source>Full text not available: {reason}.</source>
        <translation>Texte intégral indisponible&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="683"/>
        <source>{date}, {time}</source>
        <translation>{date} à {time}</translation>
    </message>
</context>
<context>
    <name>RefreshStatus</name>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="39"/>
        <source>Refresh progress</source>
        <extracomment>How often the views catch up with a refresh that is bringing articles in. The articles the running refresh rewrote or gave a full text, as it reports them: the open article is read again only when it is one of them.</extracomment>
        <translation>Progression de l’actualisation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="45"/>
        <source>Cancel refresh</source>
        <translation>Annuler l’actualisation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="61"/>
        <source>A refresh is already running.</source>
        <translation>Une actualisation est déjà en cours.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="91"/>
        <location filename="../../reader/ui/refresh_status.py" line="92"/>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="100"/>
        <source>%v of %m full texts</source>
        <translation>%v textes intégraux sur %m</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="102"/>
        <source>{0} of {1} full texts</source>
        <translation>{0} textes intégraux sur {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/refresh_status.py" line="110"/>
        <source>%v of %m feeds · %Ln new</source>
        <translation>
            <numerusform>%v flux sur %m · %Ln nouveau</numerusform>
            <numerusform>%v flux sur %m · %Ln nouveaux</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="112"/>
        <source>{0} of {1} feeds — {2}</source>
        <translation>{0} flux sur {1} — {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/refresh_status.py" line="131"/>
        <source>%Ln new article</source>
        <translation>
            <numerusform>%Ln nouvel article</numerusform>
            <numerusform>%Ln nouveaux articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/refresh_status.py" line="133"/>
        <source>%Ln new articles</source>
        <translation>
            <numerusform>%Ln nouvel article</numerusform>
            <numerusform>%Ln nouveaux articles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="135"/>
        <source>{0} from {1}.</source>
        <translation>{0} provenant de {1}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="139"/>
        <source>Full texts fetched: {0}.</source>
        <translation>Textes intégraux récupérés&#xa0;: {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="141"/>
        <source>Full texts not available: {0} (each article says why).</source>
        <translation>Textes intégraux indisponibles&#xa0;: {0} (chaque article dit pourquoi).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/refresh_status.py" line="148"/>
        <source>%Ln feed failed (see Feeds ▸ Feed Problems).</source>
        <translation>
            <numerusform>%Ln flux en échec (voir Flux ▸ Problèmes des flux).</numerusform>
            <numerusform>%Ln flux en échec (voir Flux ▸ Problèmes des flux).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/refresh_status.py" line="150"/>
        <source>%Ln feeds failed (see Feeds ▸ Feed Problems).</source>
        <translation>
            <numerusform>%Ln flux en échec (voir Flux ▸ Problèmes des flux).</numerusform>
            <numerusform>%Ln flux en échec (voir Flux ▸ Problèmes des flux).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/refresh_status.py" line="166"/>
        <source>The refresh could not run: {0}</source>
        <translation>L’actualisation n’a pas pu se faire&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>SectionsPane</name>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="52"/>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="54"/>
        <source>The week in a few lines (Markdown: *emphasis*, lists, links)…</source>
        <translation>La semaine en quelques lignes (Markdown&#xa0;: *italique*, listes, liens)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="58"/>
        <source>&amp;Introduction:</source>
        <translation>&amp;Introduction&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="63"/>
        <source>Sections and articles</source>
        <translation>Sections et articles</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="87"/>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="89"/>
        <source>&amp;Sections:</source>
        <translation>&amp;Sections&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="97"/>
        <source>Summary of the selected article</source>
        <translation>Résumé de l’article sélectionné</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="99"/>
        <source>One line on why the selected article matters (optional)</source>
        <translation>Une ligne sur l’intérêt de l’article sélectionné (facultatif)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="103"/>
        <source>Su&amp;mmary:</source>
        <translation>Rés&amp;umé&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="122"/>
        <source>&amp;Add Section</source>
        <translation>&amp;Ajouter une section</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="123"/>
        <source>Add an empty section at the end</source>
        <translation>Ajouter une section vide à la fin</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="126"/>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="127"/>
        <source>Rename the selected section, or edit the selected article&apos;s summary</source>
        <translation>Renommer la section sélectionnée, ou modifier le résumé de l’article sélectionné</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="130"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="132"/>
        <source>Remove the selected article or section (Undo brings it back)</source>
        <translation>Retirer l’article ou la section sélectionnés (Annuler les rétablit)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="135"/>
        <source>Move &amp;Up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="136"/>
        <source>Move the selected article or section up</source>
        <translation>Monter l’article ou la section sélectionnés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="139"/>
        <source>Move &amp;Down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="140"/>
        <source>Move the selected article or section down</source>
        <translation>Descendre l’article ou la section sélectionnés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="143"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="145"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="208"/>
        <source>New section</source>
        <translation>Nouvelle section</translation>
    </message>
    <message>
        <location filename="../../reader/ui/brief_sections_pane.py" line="231"/>
        <source>{0}; {1} brings it back.</source>
        <translation>{0}&#xa0;; {1} pour annuler.</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../../reader/ui/selection_toolbar.py" line="153"/>
        <source>Highlight the selection</source>
        <extracomment>Escape was pressed: stay hidden until the selection changes.</extracomment>
        <translation>Surligner la sélection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/selection_toolbar.py" line="159"/>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/selection_toolbar.py" line="159"/>
        <source>Highlight with a note</source>
        <translation>Surligner avec une note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/selection_toolbar.py" line="160"/>
        <source>Tags…</source>
        <translation>Mots-clés…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/selection_toolbar.py" line="160"/>
        <source>Highlight and tag</source>
        <translation>Surligner et ajouter des mots-clés</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="56"/>
        <source>Settings</source>
        <extracomment>Opens a URL with the system; dialogs keep it as an attribute so tests can replace it.</extracomment>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="66"/>
        <source> min</source>
        <extracomment>Opens the data folder in the file manager; replaced in tests.</extracomment>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="67"/>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="68"/>
        <source>Refresh every (minutes)</source>
        <translation>Actualiser toutes les (minutes)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="70"/>
        <source>Minutes between automatic refreshes; Off refreshes only on request.</source>
        <translation>Minutes entre deux actualisations automatiques&#xa0;; Désactivée n’actualise qu’à la demande.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="74"/>
        <source>Mark articles read after</source>
        <translation>Marquer les articles comme lus après</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="75"/>
        <source>Mark articles read when shown</source>
        <translation>Marquer les articles comme lus à l’affichage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="79"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="80"/>
        <source>Delay before marking read (milliseconds)</source>
        <translation>Délai avant de marquer comme lu (millisecondes)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="89"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="90"/>
        <location filename="../../reader/ui/settings_dialog.py" line="134"/>
        <source>System default</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="91"/>
        <source>Reading font size (points)</source>
        <translation>Taille du texte de lecture (points)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="125"/>
        <source>Ask for each article</source>
        <translation>Demander pour chaque article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="126"/>
        <source>Always load</source>
        <translation>Toujours charger</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="127"/>
        <source>Remote images</source>
        <translation>Images distantes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="129"/>
        <source>Loading an article&apos;s images tells its publisher that you read it.</source>
        <translation>Charger les images d’un article indique à son éditeur que vous l’avez lu.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="138"/>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="141"/>
        <source>A new language applies the next time Press Reader starts.</source>
        <translation>Un changement de langue s’applique au prochain démarrage de Press Reader.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="149"/>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="150"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="151"/>
        <source>Open the data folder</source>
        <translation>Ouvrir le dossier des données</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="157"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="158"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="171"/>
        <source>&amp;Refresh every:</source>
        <translation>&amp;Actualiser toutes les&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="172"/>
        <source>Reading:</source>
        <translation>Lecture&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="173"/>
        <source>&amp;Font size:</source>
        <translation>&amp;Taille du texte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="177"/>
        <source>&amp;Images:</source>
        <translation>&amp;Images&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="182"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="183"/>
        <source>&amp;Data folder:</source>
        <translation>&amp;Dossier des données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="95"/>
        <source>Sans serif</source>
        <translation>Sans empattement</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="96"/>
        <source>Serif</source>
        <translation>Avec empattement</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="97"/>
        <source>Reading font</source>
        <translation>Police de lecture</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="103"/>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="104"/>
        <source>Line spacing (percent of the font size)</source>
        <translation>Interligne (pourcentage de la taille du texte)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="106"/>
        <source>Distance from one line to the next, in percent of the font&apos;s height.</source>
        <translation>Distance d’une ligne à la suivante, en pourcentage de la hauteur du texte.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="113"/>
        <source> characters</source>
        <translation> caractères</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="114"/>
        <source>Column width (characters)</source>
        <translation>Largeur de colonne (caractères)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="116"/>
        <source>The widest the text gets; lines of 70 to 80 characters read best.</source>
        <translation>La plus grande largeur du texte&#xa0;; des lignes de 70 à 80 caractères se lisent le mieux.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="174"/>
        <source>Font f&amp;amily:</source>
        <translation>&amp;Police&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="175"/>
        <source>Line &amp;spacing:</source>
        <translation>Int&amp;erligne&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="176"/>
        <source>&amp;Column width:</source>
        <translation>Largeur de &amp;colonne&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="67"/>
        <source>Keyboard Shortcuts</source>
        <extracomment>What a shortcut may be given as: &quot;Ctrl+R&quot;, a QKeySequence or a standard key.</extracomment>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="71"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="71"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="72"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="95"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>TagCommands</name>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="39"/>
        <source>Choose an article to tag first.</source>
        <translation>Choisissez d’abord un article.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="43"/>
        <source>Tag Article</source>
        <translation>Mots-clés de l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="44"/>
        <source>Tags for “{0}”:</source>
        <translation>Mots-clés de «&#xa0;{0}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="53"/>
        <source>Tag “{0}”</source>
        <translation>les mots-clés de «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="67"/>
        <source>&amp;Rename Tag…</source>
        <translation>Re&amp;nommer le mot-clé…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="68"/>
        <source>Tag &amp;Colour…</source>
        <translation>&amp;Couleur du mot-clé…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="69"/>
        <source>Remove C&amp;olour</source>
        <translation>Retirer la c&amp;ouleur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="71"/>
        <source>&amp;Delete Tag…</source>
        <translation>&amp;Supprimer le mot-clé…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="84"/>
        <source>Rename Tag</source>
        <translation>Renommer le mot-clé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="85"/>
        <source>New name for “{0}” (and the tags below it):</source>
        <translation>Nouveau nom de «&#xa0;{0}&#xa0;» (et des mots-clés en dessous)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="101"/>
        <source>Merge Tags</source>
        <translation>Fusionner les mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="103"/>
        <source>“{0}” already exists. Merge “{1}” into it? Every article and highlight tagged “{1}” will be tagged “{0}”.</source>
        <translation>«&#xa0;{0}&#xa0;» existe déjà. Y fusionner «&#xa0;{1}&#xa0;»&#xa0;? Chaque article et chaque surlignage portant «&#xa0;{1}&#xa0;» portera «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="106"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="116"/>
        <source>Renamed “{0}” to “{1}”.</source>
        <translation>«&#xa0;{0}&#xa0;» renommé en «&#xa0;{1}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="128"/>
        <source>Colour of “{0}”</source>
        <translation>Couleur de «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="135"/>
        <source>“{0}” is only a level of longer tags: colour the tags themselves.</source>
        <translation>«&#xa0;{0}&#xa0;» n’est qu’un niveau de mots-clés plus longs&#xa0;: colorez les mots-clés eux-mêmes.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="157"/>
        <location filename="../../reader/ui/tag_commands.py" line="166"/>
        <source>Delete Tag</source>
        <translation>Supprimer le mot-clé</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_commands.py" line="159"/>
        <source>Take “{0}” (and the tags below it) off {1} and {2}? The articles and highlights stay. Edit ▸ Undo brings the tag back.</source>
        <translation>Retirer «&#xa0;{0}&#xa0;» (et les mots-clés en dessous) de {1} et de {2}&#xa0;? Les articles et les surlignages restent. Édition ▸ Annuler rétablit le mot-clé.</translation>
    </message>
</context>
<context>
    <name>TagLineEdit</name>
    <message>
        <location filename="../../reader/ui/tag_input.py" line="37"/>
        <source>country/Mali, theme/security</source>
        <translation>pays/Mali, thème/sécurité</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../../reader/ui/annotation_dialogs.py" line="48"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_dialogs.py" line="53"/>
        <source>Separate tags with commas; use / for levels: country/Mali, theme/security.</source>
        <translation>Séparez les mots-clés par des virgules&#xa0;; / sépare les niveaux&#xa0;: pays/Mali, thème/sécurité.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../reader/ui/welcome.py" line="20"/>
        <source>Welcome to Press Reader</source>
        <translation>Bienvenue dans Press Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="28"/>
        <source>Follow the press you read every morning: subscribe to a news feed, import the OPML list exported by another reader, or look around the demo library first.</source>
        <translation>Suivez la presse que vous lisez chaque matin&#xa0;: abonnez-vous à un flux d’actualités, importez la liste OPML exportée par un autre lecteur, ou découvrez d’abord la bibliothèque de démonstration.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="40"/>
        <source>Add feed…</source>
        <translation>Ajouter un flux…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="41"/>
        <source>Import OPML…</source>
        <translation>Importer un OPML…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="42"/>
        <source>Open demo library</source>
        <translation>Ouvrir la démonstration</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="57"/>
        <source>&amp;Add Feed…</source>
        <translation>&amp;Ajouter un flux…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="61"/>
        <source>Subscribe to a news feed</source>
        <translation>S’abonner à un flux d’actualités</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="64"/>
        <source>&amp;Import OPML…</source>
        <translation>&amp;Importer un OPML…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="67"/>
        <source>&amp;Export OPML…</source>
        <translation>&amp;Exporter en OPML…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="69"/>
        <source>New &amp;Brief…</source>
        <translation>&amp;Nouvelle revue de presse…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="70"/>
        <source>Open B&amp;rief…</source>
        <translation>&amp;Ouvrir une revue de presse…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="72"/>
        <source>Open &amp;Demo Library</source>
        <translation>Ouvrir la &amp;bibliothèque de démonstration</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="81"/>
        <source>&amp;Refresh All</source>
        <translation>&amp;Tout actualiser</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="86"/>
        <source>Fetch new articles from every feed</source>
        <translation>Récupérer les nouveaux articles de tous les flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="89"/>
        <source>Refresh &amp;Selected</source>
        <translation>Actualiser la &amp;sélection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="92"/>
        <source>&amp;Cancel Refresh</source>
        <translation>&amp;Annuler l’actualisation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="95"/>
        <source>Re&amp;name Feed…</source>
        <translation>Re&amp;nommer le flux…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="96"/>
        <source>&amp;Move to Folder…</source>
        <translation>&amp;Déplacer vers un dossier…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="97"/>
        <source>&amp;Delete Feed…</source>
        <translation>S&amp;upprimer le flux…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="99"/>
        <source>Feed &amp;Problems…</source>
        <translation>&amp;Problèmes des flux…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="104"/>
        <source>&amp;Next Article</source>
        <translation>Article &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="106"/>
        <source>&amp;Previous Article</source>
        <translation>Article &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="109"/>
        <source>Next &amp;Unread Article</source>
        <translation>Article &amp;non lu suivant</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="112"/>
        <source>&amp;Star</source>
        <translation>&amp;Favori</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="115"/>
        <source>Toggle &amp;Read</source>
        <translation>Marquer comme &amp;lu ou non lu</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="118"/>
        <source>&amp;Open in Browser</source>
        <translation>&amp;Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="124"/>
        <source>Fetch &amp;Full Text</source>
        <translation>Récupérer le texte &amp;intégral</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="127"/>
        <source>Download the article&apos;s page and show its full text</source>
        <translation>Télécharger la page de l’article et afficher son texte intégral</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="130"/>
        <source>Show Feed &amp;Version</source>
        <translation>Afficher la &amp;version du flux</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="133"/>
        <source>Switch between the full text and the article as the feed gives it</source>
        <translation>Passer du texte intégral à l’article tel que le flux le donne, et inversement</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="137"/>
        <source>&amp;Highlight Selection</source>
        <translation>S&amp;urligner la sélection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="140"/>
        <source>Highlight the selected passage of the article</source>
        <translation>Surligner le passage sélectionné de l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="143"/>
        <source>Highlight and Add &amp;Note…</source>
        <translation>Surligner avec une no&amp;te…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="146"/>
        <source>Highlight the selected passage and write a note on it</source>
        <translation>Surligner le passage sélectionné et l’annoter</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="149"/>
        <source>Highlight Para&amp;graph</source>
        <translation>Surligner le para&amp;graphe</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="152"/>
        <source>Highlight the paragraph holding the text cursor</source>
        <translation>Surligner le paragraphe où se trouve le curseur</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="155"/>
        <source>&amp;Tag Article…</source>
        <translation>&amp;Mots-clés de l’article…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="159"/>
        <source>Add or remove the article&apos;s tags</source>
        <translation>Ajouter ou retirer des mots-clés de l’article</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="162"/>
        <source>All &amp;Highlights</source>
        <translation>Tous les &amp;surlignages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="166"/>
        <source>Every highlight of the library, to filter and go back to</source>
        <translation>Tous les surlignages de la bibliothèque, pour les filtrer et y revenir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="169"/>
        <source>&amp;Annotations Panel</source>
        <translation>Panneau des &amp;annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="176"/>
        <source>Hide the Panel &amp;Without Highlights</source>
        <translation>&amp;Masquer le panneau sans surlignage</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="178"/>
        <source>Show the annotations panel only beside an article with highlights</source>
        <translation>N’afficher le panneau des annotations qu’à côté d’un article surligné</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="182"/>
        <source>&amp;Reset Pane Sizes</source>
        <translation>&amp;Rétablir la taille des volets</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="184"/>
        <source>Size the panes to the window, as on a first start</source>
        <translation>Dimensionner les volets selon la fenêtre, comme au premier lancement</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="190"/>
        <source>Articles &amp;Beside the Reader</source>
        <translation>Liste des articles à &amp;côté du texte</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="192"/>
        <source>Feeds, articles and the reader side by side</source>
        <translation>Flux, articles et texte côte à côte</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="195"/>
        <source>Articles Ab&amp;ove the Reader</source>
        <translation>Liste des articles au-&amp;dessus du texte</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="197"/>
        <source>The article list above the reader, both as wide as the window</source>
        <translation>La liste des articles au-dessus du texte, tous deux de la largeur de la fenêtre</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="207"/>
        <source>Highlight &amp;Colours…</source>
        <translation>&amp;Couleurs de surlignage…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="210"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="212"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="224"/>
        <source>Mark &amp;All as Read</source>
        <translation>Tout ma&amp;rquer comme lu</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="228"/>
        <source>Mark every article in this view read</source>
        <translation>Marquer comme lus tous les articles de cette vue</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="231"/>
        <source>&amp;Search</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="238"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="245"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="247"/>
        <source>&amp;About Press Reader</source>
        <translation>À &amp;propos de Press Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="288"/>
        <source>Undo the last change to highlights, notes or tags</source>
        <extracomment>What acts on the articles being read: listed first in the shortcuts dialog, and disabled while the library is empty.</extracomment>
        <translation>Annuler la dernière modification des surlignages, notes ou mots-clés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="290"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <location filename="../../reader/ui/window_dialogs.py" line="43"/>
        <source>The new language applies the next time Press Reader starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Press Reader.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_dialogs.py" line="64"/>
        <source>About Press Reader</source>
        <translation>À propos de Press Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_dialogs.py" line="66"/>
        <source>&lt;h3&gt;Press Reader {0}&lt;/h3&gt;&lt;p&gt;A desktop press-review reader: follow feeds, search them, and build annotated briefs.&lt;/p&gt;&lt;p&gt;Library: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Press Reader {0}&lt;/h3&gt;&lt;p&gt;Un lecteur de revue de presse pour le bureau&#xa0;: suivez des flux, cherchez-y, et composez des revues de presse annotées.&lt;/p&gt;&lt;p&gt;Bibliothèque&#xa0;: {1}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_dialogs.py" line="78"/>
        <source>Press Reader</source>
        <translation>Press Reader</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../../reader/ui/prompts.py" line="39"/>
        <location filename="../../reader/ui/prompts.py" line="61"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
