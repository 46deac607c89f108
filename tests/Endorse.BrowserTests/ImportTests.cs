using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ImportTests(BrowserApp app)
{
    [Fact]
    public async Task A_Salesforce_export_imported_through_the_page_reports_its_counts_and_lands_in_the_lists()
    {
        var accountsCsv = RepositoryFile("samples", "salesforce", "Account.csv");
        var rows = File.ReadLines(accountsCsv).Count() - 1;

        var page = await app.NewPageAsync();
        var shell = await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.ReferenceManager), DemoUser.Password);
        await shell.GoToAsync("Imports");
        await BrowserApp.ScreenshotAsync(page, "imports");

        var newImport = await new NewImportPage(page).OpenAsync();
        var report = await newImport.ImportAsync(accountsCsv);
        await report.WaitUntilFinishedAsync();
        await Expect(report.Status).ToHaveTextAsync("Completed");
        await Expect(report.Heading).ToContainTextAsync("Account.csv");

        Assert.Equal(rows, await report.CountAsync("rows"));
        var created = await report.CountAsync("created");
        var accounted = created + await report.CountAsync("updated") + await report.CountAsync("skipped") + await report.CountAsync("rejected");
        Assert.Equal(rows, accounted);
        Assert.True(created > 0, "A first import of the sample created no accounts.");
        await BrowserApp.ScreenshotAsync(page, "import-report");

        // A second import of the same file changes nothing: every row is skipped as unchanged.
        report = await (await new NewImportPage(page).OpenAsync()).ImportAsync(accountsCsv);
        await report.WaitUntilFinishedAsync();
        await Expect(report.Count("created")).ToHaveTextAsync("0");
        await Expect(report.Count("updated")).ToHaveTextAsync("0");
        Assert.Equal(rows - await report.CountAsync("rejected"), await report.CountAsync("skipped"));

        // The imported accounts are in the list.
        var firstName = FirstAccountName(accountsCsv);
        var accounts = await new ListPage(page, "accounts", "Accounts").OpenAsync();
        await accounts.SearchAsync(firstName);
        await Expect(accounts.RowLink(firstName)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static string FirstAccountName(string csv)
    {
        using var reader = new StreamReader(csv);
        var header = SplitCsvLine(reader.ReadLine()!);
        var values = SplitCsvLine(reader.ReadLine()!);
        return values[header.IndexOf("Name")];
    }

    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>A file of the repository (found by walking up from the test assembly to Endorse.slnx).</summary>
    private static string RepositoryFile(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Endorse.slnx")))
        {
            folder = folder.Parent;
        }

        var path = Path.Combine([folder?.FullName ?? throw new InvalidOperationException("Endorse.slnx not found above " + AppContext.BaseDirectory), .. parts]);
        Assert.True(File.Exists(path), path + " is missing.");
        return path;
    }
}
