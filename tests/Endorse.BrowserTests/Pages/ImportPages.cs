using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests.Pages;

/// <summary>/imports/new: choose the format, upload a file, start; then the import's report page.</summary>
public sealed partial class NewImportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "New import", Level = 1 });
    public ILocator FileInput => page.Locator("input[type=file]");
    public ILocator FileName => page.GetByTestId("import-file-name");
    public ILocator Start => page.GetByTestId("import-start");
    public ILocator Errors => page.GetByTestId("import-errors");

    public async Task<NewImportPage> OpenAsync()
    {
        await page.GotoAsync("/imports/new");
        await Expect(Heading).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(page);
        return this;
    }

    /// <summary>Uploads the file (Salesforce is the default format) and starts the import; returns its report page.</summary>
    public async Task<ImportReportPage> ImportAsync(string file)
    {
        await FileInput.SetInputFilesAsync(file);
        await Expect(FileName).ToContainTextAsync(Path.GetFileName(file), new() { Timeout = 30_000 });
        await Expect(Start).ToBeEnabledAsync();
        await Start.ClickAsync();
        await Expect(page).ToHaveURLAsync(ReportUrl(), new() { Timeout = 30_000 });
        return new ImportReportPage(page);
    }

    [GeneratedRegex(@"/imports/\d+$")]
    private static partial Regex ReportUrl();
}

public sealed class ImportReportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Status => page.GetByTestId("import-status");

    public ILocator Count(string what) => page.GetByTestId("import-" + what);

    public async Task<int> CountAsync(string what) =>
        int.Parse((await Count(what).InnerTextAsync()).Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public async Task WaitUntilFinishedAsync()
    {
        await Expect(Status).ToHaveTextAsync(new Regex("Completed|Failed"), new() { Timeout = 60_000 });
    }
}
