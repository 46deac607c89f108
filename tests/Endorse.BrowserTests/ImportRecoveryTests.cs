using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Data;
using Endorse.Import;
using Endorse.Storage;
using Endorse.Users;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>An import whose worker died is shown as interrupted, with its history, and is run again from its page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportRecoveryTests(BrowserApp app)
{
    [Fact]
    public async Task A_reference_manager_runs_an_interrupted_import_again_from_its_page()
    {
        var word = Api.UniqueWord("Ir");
        int runId;
        using (var scope = app.Server.Services.CreateScope())
        {
            // Another node claimed the upload and died: its lease ran out ten minutes ago.
            using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"Id,Name,BillingCountry\n{word}1,{word} Interrupted Ltd,Germany\n"));
            var stored = await scope.ServiceProvider.GetRequiredService<IFileStorage>().SaveAsync(file, "imports", "csv");
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            var run = new ImportRun
            {
                Format = ImportFormat.Salesforce,
                Entity = ImportEntity.Accounts,
                FileName = "Account.csv",
                StoredFile = stored,
                FileSize = file.Length,
                Status = ImportStatus.Running,
                RequestedByName = "Rita Reference",
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
                WorkerId = "web-3/1234/deadbeef",
                LeaseExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;

            // The sweep every node runs at start-up and twice per lease (this one, or the server's own worker, marks it).
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().MarkInterruptedAsync();
        }

        var (page, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await Session.OpenAsync(page, $"/imports/{runId}");
        var report = new ImportReportPage(page);
        await Expect(report.Status).ToHaveTextAsync("Interrupted");
        await Expect(page.GetByTestId("import-interrupted")).ToContainTextAsync("nothing of the file was imported");
        await Expect(page.GetByTestId("import-history")).ToContainTextAsync("Interrupted: the worker running it (web-3/1234/deadbeef) stopped");
        await BrowserApp.ScreenshotAsync(page, "import-interrupted");

        await page.GetByTestId("import-run-again").ClickAsync();
        await report.WaitUntilFinishedAsync();
        await Expect(report.Status).ToHaveTextAsync("Completed");
        await Expect(report.Count("created")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("import-history")).ToContainTextAsync("Run again by");
        await Expect(page.GetByTestId("import-run-again")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "import-run-again");
        await page.Context.CloseAsync();
    }
}
