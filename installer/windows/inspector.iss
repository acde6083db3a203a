; Inno Setup 6 script: the Windows installer of Inspector, from the PyInstaller bundle.
;
; Build on Windows (see README, "Windows installer"):
;   pyinstaller --noconfirm build_installer.spec            -> dist\inspector-app\
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\inspector.iss
;                                                           -> dist\Inspector-<version>-setup.exe
; The version comes from Inspector.exe's version resource, itself made from the package version.
;
; Per user (no administrator rights, the default) or for all users (chosen in the first page
; or with /ALLUSERS). Uninstalling removes the program folder, its Start-menu entries and the
; .inspx association; the user's data folder (%LOCALAPPDATA%\inspector-app: database, photos,
; documents) is never touched.

#define AppName "Inspector"
#define BundleDir "..\..\dist\inspector-app"
#define GuiExe "Inspector.exe"
#define CliExe "inspector-app.exe"
#define AppVersion GetStringFileInfo(AddBackslash(BundleDir) + GuiExe, "ProductVersion")
#define ProgId "Inspector.Bundle"

[Setup]
AppId={{6F1E0C52-3B7A-4E8B-9C1D-2A5F8E4B7D10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Inspector
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
SetupIconFile=..\..\resources\icons\inspector-app.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
CloseApplications=yes
OutputDir=..\..\dist
OutputBaseFilename=Inspector-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#ifexist "compiler:Languages\ChineseSimplified.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables, LICENSE, THIRD_PARTY_NOTICES.txt and
; _internal\ (Python, Qt, resources, forms).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "Offline on-site work-safety inspections"
Name: "{autoprograms}\{#AppName} command line"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"; IconFilename: "{app}\{#CliExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; .inspx sync bundles open in Inspector: the window shows the Sync page and offers the import.
Root: HKA; Subkey: "Software\Classes\.inspx"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.inspx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Inspector sync bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".inspx"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
