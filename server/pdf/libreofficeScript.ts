/**
 * The Python program (run by the system's python3, which Debian's LibreOffice packages give the
 * `uno` bridge) that turns a .docx into a PDF the way Word's "Save as PDF" would: LibreOffice opens
 * the file hidden, updates every index (the table of contents gets its page numbers, twice, since
 * the contents page itself moves what follows), and saves a tagged PDF with bookmarks for the
 * headings and its fonts embedded. A fresh LibreOffice profile per run, so two servers or a
 * desktop session on the same account never share one.
 *
 * argv: input.docx output.pdf profile-dir soffice-path
 */
export const DOCX_TO_PDF_PY = String.raw`
import os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

src, dst, profile, soffice = sys.argv[1:5]

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p

pipe = 'chorus_pdf_%d' % os.getpid()
office = subprocess.Popen([soffice, '--headless', '--invisible', '--nologo', '--norestore', '--nodefault', '--nolockcheck',
                           '-env:UserInstallation=' + uno.systemPathToFileUrl(profile),
                           '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    ctx = None
    for _ in range(600):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except Exception:
            if office.poll() is not None:
                sys.exit('LibreOffice stopped while starting (exit %s)' % office.returncode)
            time.sleep(0.1)
    if ctx is None:
        sys.exit('LibreOffice did not start within 60 s')
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
    if doc is None:
        sys.exit('LibreOffice could not open the file')
    indexes = doc.getDocumentIndexes()
    for _ in range(2):
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
    doc.getTextFields().refresh()
    filter_data = uno.Any('[]com.sun.star.beans.PropertyValue', (
        prop('UseTaggedPDF', True),
        prop('ExportBookmarks', True),
        prop('EmbedStandardFonts', True),
    ))
    uno.invoke(doc, 'storeToURL', (uno.systemPathToFileUrl(os.path.abspath(dst)), (prop('FilterName', 'writer_pdf_Export'), prop('FilterData', filter_data))))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=30)
finally:
    if office.poll() is None:
        office.kill()
`
