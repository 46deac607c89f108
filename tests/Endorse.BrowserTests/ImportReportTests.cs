using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>An import's report as a reference manager works it: warnings, missing sectors, deal stages; and the corrections a person makes on records.</summary>
[Collection(BrowserCollection.Name)]
public class ImportReportTests(BrowserApp app)
{
    [Fact]
    public async Task An_import_report_lists_its_warnings_and_creates_the_missing_sectors_and_a_person_marks_a_former_customer()
    {
        var page = await app.NewPageAsync();
        await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.ReferenceManager), DemoUser.Password);

        var upload = await new NewImportPage(page).OpenAsync();

        // Choosing the format (the default) proves the circuit is up before the file goes in.
        await MudControls.ChooseAsync(page, page.GetByTestId("import-format"), "Salesforce data export");
        var report = await upload.ImportAsync(Sample("salesforce-eu", "Account.csv"));
        await report.WaitUntilFinishedAsync();
        await Expect(report.Status).ToHaveTextAsync("Completed");

        // Banking, Biotechnology (twice) and Transportation are no demo sector: each row's warning is listed with its line.
        await Expect(page.GetByTestId("import-warnings-note")).ToBeVisibleAsync();
        var warnings = page.GetByTestId("warnings-grid");
        await Expect(warnings.GetByText("No sector matches the industry 'Banking'", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(warnings.GetByRole(AriaRole.Cell, new() { Name = "Transportation", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("warnings-csv")).ToHaveAttributeAsync("href", new Regex(@"/api/v1/imports/\d+/warnings\.csv$"));
        await Expect(page.GetByTestId("industry-row")).ToHaveCountAsync(3);
        await BrowserApp.ScreenshotAsync(page, "import-report-warnings");

        await page.GetByTestId("industries-create-all").ClickAsync();
        await page.GetByTestId("industries-apply").ClickAsync();
        await Expect(page.GetByTestId("industries-all-matched")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("industries-matched")).ToContainTextAsync("Biotechnology");
        await BrowserApp.ScreenshotAsync(page, "import-report-sectors-created");

        // The accounts have their relationship from the CRM's Type; a person marks one as a former customer.
        var accounts = await new ListPage(page, "accounts", "Accounts").OpenAsync();
        await accounts.SearchAsync("Banque Lumi");
        await accounts.RowLink("Banque Lumière SA").ClickAsync();
        var relationship = page.GetByTestId("account-relationship");
        await Expect(relationship).ToContainTextAsync("Customer");
        await Expect(relationship).ToContainTextAsync("as the CRM says");
        await Expect(page.GetByTestId("account-facts")).ToContainTextAsync("Banking");
        await page.GetByTestId("relationship-change").ClickAsync();
        await page.GetByTestId("relationship-FormerCustomer").ClickAsync();
        await Expect(relationship).ToContainTextAsync("Former customer");
        await Expect(relationship).ToContainTextAsync("imports keep it");
        await BrowserApp.ScreenshotAsync(page, "account-relationship");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_HubSpot_deals_report_says_how_each_stage_read_and_a_custom_stage_is_mapped_to_won()
    {
        var page = await app.NewPageAsync();
        await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.Administrator), DemoUser.Password);

        foreach (var file in new[] { "companies.csv", "deals.csv" })
        {
            var upload = await new NewImportPage(page).OpenAsync();
            await MudControls.ChooseAsync(page, page.GetByTestId("import-format"), "HubSpot export");
            var done = await upload.ImportAsync(Sample("hubspot", file));
            await done.WaitUntilFinishedAsync();
            await Expect(done.Status).ToHaveTextAsync("Completed");
        }

        var stages = page.GetByTestId("stage-row");
        await Expect(stages).ToHaveCountAsync(7);
        var custom = stages.Filter(new() { HasText = "98765432" });
        await Expect(custom.GetByTestId("stage-read-as")).ToHaveTextAsync("Open");
        await Expect(custom).ToContainTextAsync("not recognised");
        await Expect(stages.Filter(new() { HasText = "Won - Renewal" })).ToContainTextAsync("guessed from its name");
        await BrowserApp.ScreenshotAsync(page, "import-report-deal-stages");

        await MudControls.ChooseAsync(page, custom.GetByTestId("stage-choice"), "Won");
        await page.GetByTestId("stages-apply").ClickAsync();
        await Expect(custom).ToContainTextAsync("mapped as won since");

        // The mappings are listed with the imports, and can be taken back.
        await page.GotoAsync("/imports/mappings");
        await AppShell.WaitForInteractivityAsync(page);
        var mapping = page.GetByTestId("mapping-row").Filter(new() { HasText = "98765432" });
        await Expect(mapping).ToContainTextAsync("Won");
        await BrowserApp.ScreenshotAsync(page, "import-mappings");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_person_corrects_a_contacts_tier_on_its_page_and_sees_that_they_set_it()
    {
        var word = Api.UniqueWord("Ti");
        int contactId;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var account = await Api.CreateAccountAsync(api, $"{word} Maschinenbau GmbH", "DE");
            contactId = await Api.CreateContactAsync(api, account, "Jonas", word, "Leiter IT");
        }

        var page = await app.NewPageAsync();
        await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.ReferenceManager), DemoUser.Password);
        await page.GotoAsync($"/contacts/{contactId}");
        await AppShell.WaitForInteractivityAsync(page);
        var seniority = page.GetByTestId("contact-seniority");
        await Expect(seniority).ToContainTextAsync("Director");
        await Expect(seniority).ToContainTextAsync("read from the title");

        await page.GetByTestId("seniority-correct").ClickAsync();
        await page.GetByTestId("seniority-CLevel").ClickAsync();
        await Expect(seniority).ToContainTextAsync("C-level");
        await Expect(seniority).ToContainTextAsync("set by");
        await Expect(seniority).ToContainTextAsync("the title reads as Director");
        await BrowserApp.ScreenshotAsync(page, "contact-seniority-corrected");

        // After a reload it is still the person's tier.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("contact-seniority")).ToContainTextAsync("imports keep it");
        await page.Context.CloseAsync();
    }

    private static string Sample(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Endorse.slnx")))
        {
            folder = folder.Parent;
        }

        var path = Path.Combine([folder?.FullName ?? throw new InvalidOperationException("Endorse.slnx not found above " + AppContext.BaseDirectory), "tests", "Endorse.IntegrationTests", "Import", "Samples", .. parts]);
        Assert.True(File.Exists(path), path + " is missing.");
        return path;
    }
}
