<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CompaniesPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/companies.py" line="181"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/companies.py" line="183"/>
        <source>%Ln company(s)</source>
        <translation>
            <numerusform>%Ln company</numerusform>
            <numerusform>%Ln companies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DispatchPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="435"/>
        <source>Counted: completed and signed records (their latest revision) started in the period. Drafts are not counted: %Ln hazard(s) in drafts of the period.</source>
        <translation>
            <numerusform>Counted: completed and signed records (their latest revision) started in the period. Drafts are not counted: %Ln hazard in drafts of the period.</numerusform>
            <numerusform>Counted: completed and signed records (their latest revision) started in the period. Drafts are not counted: %Ln hazards in drafts of the period.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="240"/>
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="395"/>
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/document_dialog.py" line="252"/>
        <source>Only %Ln document number(s) of this type left on this computer: ask the office for a new number block.</source>
        <translation>
            <numerusform>Only %Ln document number of this type left on this computer: ask the office for a new number block.</numerusform>
            <numerusform>Only %Ln document numbers of this type left on this computer: ask the office for a new number block.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation type="vanished">
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/dispatch.py" line="209"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/emergency.py" line="525"/>
        <source>%Ln unit(s) past the deadline.</source>
        <translation>
            <numerusform>%Ln unit past the deadline.</numerusform>
            <numerusform>%Ln units past the deadline.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HazardResultEditor</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="261"/>
        <source>%Ln after-photo(s)</source>
        <translation>
            <numerusform>%Ln after-photo</numerusform>
            <numerusform>%Ln after-photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="304"/>
        <source>%Ln element(s) missing</source>
        <translation>
            <numerusform>%Ln element missing</numerusform>
            <numerusform>%Ln elements missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln element(s) missing: {0}</source>
        <translation type="vanished">
            <numerusform>%Ln element missing: {0}</numerusform>
            <numerusform>%Ln elements missing: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/hazards.py" line="422"/>
        <source>%Ln hazard(s) exported to {0}.</source>
        <translation>
            <numerusform>%Ln hazard exported to {0}.</numerusform>
            <numerusform>%Ln hazards exported to {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/hazards.py" line="458"/>
        <source>%Ln hazard(s): </source>
        <translation>
            <numerusform>%Ln hazard: </numerusform>
            <numerusform>%Ln hazards: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/hazards.py" line="461"/>
        <source>; %Ln overdue</source>
        <translation>
            <numerusform>; %Ln overdue</numerusform>
            <numerusform>; %Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/help_window.py" line="272"/>
        <source>%Ln page(s) found</source>
        <translation>
            <numerusform>%Ln page found</numerusform>
            <numerusform>%Ln pages found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection_window.py" line="367"/>
        <source>Hazards (%Ln)</source>
        <translation>
            <numerusform>Hazards (%Ln)</numerusform>
            <numerusform>Hazards (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection_window.py" line="368"/>
        <source>Photos (%Ln)</source>
        <translation>
            <numerusform>Photos (%Ln)</numerusform>
            <numerusform>Photos (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/inspections.py" line="308"/>
        <source>&amp;Planned (%Ln)…</source>
        <translation>
            <numerusform>&amp;Planned (%Ln)…</numerusform>
            <numerusform>&amp;Planned (%Ln)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/inspections.py" line="373"/>
        <source>%Ln inspection(s)</source>
        <translation>
            <numerusform>%Ln inspection</numerusform>
            <numerusform>%Ln inspections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/inspection_dialogs.py" line="48"/>
        <source>%Ln thing(s) still missing. Double-click one to go there.</source>
        <translation>
            <numerusform>%Ln thing still missing. Double-click it to go there.</numerusform>
            <numerusform>%Ln things still missing. Double-click one to go there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NumberBlocksDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="161"/>
        <source>This laptop has %n number(s) of this type and year left in its blocks: give it another block.</source>
        <translation>
            <numerusform>This laptop has %n number of this type and year left in its blocks: give it another block.</numerusform>
            <numerusform>This laptop has %n numbers of this type and year left in its blocks: give it another block.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/number_blocks_dialog.py" line="171"/>
        <source>{0}: {1}〔{2}〕 %n left</source>
        <translation>
            <numerusform>{0}: {1}〔{2}〕 %n left</numerusform>
            <numerusform>{0}: {1}〔{2}〕 %n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoGallery</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="491"/>
        <source>%Ln photo(s) added.</source>
        <translation>
            <numerusform>%Ln photo added.</numerusform>
            <numerusform>%Ln photos added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="493"/>
        <source>%Ln already attached.</source>
        <translation>
            <numerusform>%Ln already attached.</numerusform>
            <numerusform>%Ln already attached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="495"/>
        <source>%Ln not added.</source>
        <translation>
            <numerusform>%Ln not added.</numerusform>
            <numerusform>%Ln not added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="526"/>
        <source>%Ln file(s) could not be added.</source>
        <translation>
            <numerusform>%Ln file could not be added.</numerusform>
            <numerusform>%Ln files could not be added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="528"/>
        <source>%Ln other photo(s) were added.</source>
        <translation>
            <numerusform>%Ln other photo was added.</numerusform>
            <numerusform>%Ln other photos were added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be added; the others were added:</source>
        <translation type="vanished">
            <numerusform>%Ln file could not be added; the others were added:</numerusform>
            <numerusform>%Ln files could not be added; the others were added:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="533"/>
        <source>… and %Ln more (see details).</source>
        <translation>
            <numerusform>… and %Ln more (see details).</numerusform>
            <numerusform>… and %Ln more (see details).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="578"/>
        <source>Why are %Ln photo(s) deleted?</source>
        <translation>
            <numerusform>Why is %Ln photo deleted?</numerusform>
            <numerusform>Why are %Ln photos deleted?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotosModel</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photo_gallery.py" line="188"/>
        <source>%Ln mark(s) drawn</source>
        <translation>
            <numerusform>%Ln mark drawn</numerusform>
            <numerusform>%Ln marks drawn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotosRow</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/widgets/photos_row.py" line="94"/>
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReinspectionDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="456"/>
        <source>{0} of {1} — %Ln open hazard(s)</source>
        <translation>
            <numerusform>{0} of {1} — %Ln open hazard</numerusform>
            <numerusform>{0} of {1} — %Ln open hazards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="463"/>
        <source>The company has open hazards from %Ln inspection(s); a re-inspection follows up one of them. Hazards of the others are greyed.</source>
        <translation>
            <numerusform>The company has open hazards from %Ln inspection; a re-inspection follows up one of them. Hazards of the others are greyed.</numerusform>
            <numerusform>The company has open hazards from %Ln inspections; a re-inspection follows up one of them. Hazards of the others are greyed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/reinspection_dialog.py" line="705"/>
        <source>%Ln hazard(s) have no result yet: {0}. Nothing was changed.</source>
        <translation>
            <numerusform>%Ln hazard has no result yet: {0}. Nothing was changed.</numerusform>
            <numerusform>%Ln hazards have no result yet: {0}. Nothing was changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StandardisationDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="150"/>
        <source>%Ln company(s) shown</source>
        <translation>
            <numerusform>%Ln company shown</numerusform>
            <numerusform>%Ln companies shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/standardisation_dialog.py" line="180"/>
        <source>Written: %1 (%Ln company(s))</source>
        <translation>
            <numerusform>Written: %1 (%Ln company)</numerusform>
            <numerusform>Written: %1 (%Ln companies)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/pages/sync.py" line="552"/>
        <source>{0}: {1}〔{2}〕 %n left</source>
        <translation>
            <numerusform>{0}: {1}〔{2}〕 %n left</numerusform>
            <numerusform>{0}: {1}〔{2}〕 %n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YearPlanDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="235"/>
        <source>%1 in month %2: %Ln visit(s) planned of the %3 the team can make</source>
        <translation>
            <numerusform>%1 in month %2: %Ln visit planned of the %3 the team can make</numerusform>
            <numerusform>%1 in month %2: %Ln visits planned of the %3 the team can make</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="260"/>
        <source>Plan %1: %2, %Ln visit(s)</source>
        <translation>
            <numerusform>Plan %1: %2, %Ln visit</numerusform>
            <numerusform>Plan %1: %2, %Ln visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="396"/>
        <source>%Ln visit(s) dropped.</source>
        <translation>
            <numerusform>%Ln visit dropped.</numerusform>
            <numerusform>%Ln visits dropped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="426"/>
        <source>Approve the plan for %1 with its %Ln visit(s)?

Once approved it can no longer be generated again, and no visit can be moved to another team or month. The next step is to issue it as planned inspections. Approval cannot be undone.</source>
        <translation>
            <numerusform>Approve the plan for %1 with its %Ln visit?

Once approved it can no longer be generated again, and no visit can be moved to another team or month. The next step is to issue it as planned inspections. Approval cannot be undone.</numerusform>
            <numerusform>Approve the plan for %1 with its %Ln visits?

Once approved it can no longer be generated again, and no visit can be moved to another team or month. The next step is to issue it as planned inspections. Approval cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/dialogs/year_plan_dialog.py" line="438"/>
        <source>Issue the plan for %1 as %Ln planned inspection(s)?

Each visit becomes a planned inspection for its team&apos;s inspectors, due on the visit&apos;s day; the laptops receive them with the office&apos;s next bundle. A plan is issued once: afterwards a planned inspection is withdrawn only by cancelling it in the list of planned inspections.</source>
        <translation>
            <numerusform>Issue the plan for %1 as %Ln planned inspection?

Each visit becomes a planned inspection for its team&apos;s inspectors, due on the visit&apos;s day; the laptops receive them with the office&apos;s next bundle. A plan is issued once: afterwards a planned inspection is withdrawn only by cancelling it in the list of planned inspections.</numerusform>
            <numerusform>Issue the plan for %1 as %Ln planned inspections?

Each visit becomes a planned inspection for its team&apos;s inspectors, due on the visit&apos;s day; the laptops receive them with the office&apos;s next bundle. A plan is issued once: afterwards a planned inspection is withdrawn only by cancelling it in the list of planned inspections.</numerusform>
        </translation>
    </message>
</context>
</TS>
