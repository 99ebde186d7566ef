<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DirectoryTreeModel</name>
    <message numerus="yes">
        <source>%n finding(s) of your imported articles to accept, attach or reject</source>
        <translation>
            <numerusform>%n finding of your imported articles to accept, attach or reject</numerusform>
            <numerusform>%n findings of your imported articles to accept, attach or reject</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To review (%n)</source>
        <translation>
            <numerusform>To review (%n)</numerusform>
            <numerusform>To review (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n finding(s) to review</source>
        <translation>
            <numerusform>%1
%n finding to review</numerusform>
            <numerusform>%1
%n findings to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message numerus="yes">
        <source>{date} UTC — %n change(s)</source>
        <translation>
            <numerusform>{date} UTC — %n change</numerusform>
            <numerusform>{date} UTC — %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n findings</source>
        <translation>
            <numerusform>of %n finding</numerusform>
            <numerusform>of %n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>Showing results for “{text}” · %n match(es)</source>
        <translation>
            <numerusform>Showing results for “{text}” · %n match</numerusform>
            <numerusform>Showing results for “{text}” · %n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First %n matches: type more to narrow them down</source>
        <translation>
            <numerusform>First %n match: type more to narrow them down</numerusform>
            <numerusform>First %n matches: type more to narrow them down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) — ↑↓ to choose, Enter to show</source>
        <translation>
            <numerusform>%n match — ↑↓ to choose, Enter to show</numerusform>
            <numerusform>%n matches — ↑↓ to choose, Enter to show</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Copied %n contact(s) of {name} as text</source>
        <translation>
            <numerusform>Copied %n contact of {name} as text</numerusform>
            <numerusform>Copied %n contacts of {name} as text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s) for review; Ctrl+Z takes an import back.</source>
        <translation>
            <numerusform>Imported %n article for review; Ctrl+Z takes an import back.</numerusform>
            <numerusform>Imported %n articles for review; Ctrl+Z takes an import back.</numerusform>
        </translation>
    </message>
</context>
</TS>
