using System.Text.Json;
using Endorse.Data;
using Endorse.Import;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Taxonomy;
using Endorse.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Import;

/// <summary>Sample files, reference data and a way to run an import synchronously, for the import tests.</summary>
internal static class ImportFixture
{
    public static string Samples => Path.Combine(RepoRoot, "tests", "Endorse.IntegrationTests", "Import", "Samples");

    public static string RepoRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Endorse.slnx")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("Could not find the repository root above " + AppContext.BaseDirectory);
        }
    }

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>Sectors Healthcare and Financial services, regions EMEA and North America, and a user with CRM id 005A01.</summary>
    public static async Task<EndorseUser> SeedAsync(EndorseApp app)
    {
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        await app.WithDbAsync(async db =>
        {
            db.Sectors.AddRange(new Sector { Name = "Healthcare" }, new Sector { Name = "Financial services" });
            db.Regions.AddRange(
                new Region { Name = "EMEA", Countries = "Germany, DE, DEU, France, FR, United Kingdom, GB" },
                new Region { Name = "North America", Countries = "United States, US, USA, Canada, CA" });
            var user = await db.Users.SingleAsync(u => u.Id == owner.Id);
            user.CrmUserId = "005A01";
            return await db.SaveChangesAsync();
        });
        return owner;
    }

    public static Task<ImportRunView> ImportFileAsync(EndorseApp app, ImportFormat format, ImportEntity entity, string path, IReadOnlyDictionary<string, string>? mapping = null) =>
        ImportAsync(app, format, entity, File.OpenRead(path), Path.GetFileName(path), mapping);

    public static async Task<ImportRunView> ImportAsync(EndorseApp app, ImportFormat format, ImportEntity entity, Stream content, string fileName, IReadOnlyDictionary<string, string>? mapping = null)
    {
        await using (content)
        {
            using var scope = app.Services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            var run = new ImportRun
            {
                Format = format,
                Entity = entity,
                FileName = fileName,
                FileSize = content.CanSeek ? content.Length : 0,
                ColumnMapping = mapping is null ? null : JsonSerializer.Serialize(mapping),
                RequestedByName = "test",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            return await runner.RunNowAsync(run, content);
        }
    }

    /// <summary>Imports CSV text as a Salesforce Contact.csv.</summary>
    public static Task<ImportRunView> ImportContactsAsync(EndorseApp app, string content) =>
        ImportAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), "Contact.csv");

    /// <summary>Every account, contact and opportunity with its UpdatedAt: equal snapshots mean nothing changed.</summary>
    public static Task<List<string>> SnapshotAsync(EndorseApp app) => app.WithDbAsync(async db =>
    {
        var rows = new List<string>();
        rows.AddRange((await db.Accounts.AsNoTracking().Select(a => new { a.Id, a.ExternalId, a.Name, a.UpdatedAt }).ToListAsync()).Select(a => $"A {a.Id} {a.ExternalId} {a.Name} {a.UpdatedAt.UtcTicks}"));
        rows.AddRange((await db.Contacts.AsNoTracking().Select(c => new { c.Id, c.ExternalId, c.LastName, c.UpdatedAt }).ToListAsync()).Select(c => $"C {c.Id} {c.ExternalId} {c.LastName} {c.UpdatedAt.UtcTicks}"));
        rows.AddRange((await db.Opportunities.AsNoTracking().Select(o => new { o.Id, o.ExternalId, o.Name, o.UpdatedAt }).ToListAsync()).Select(o => $"O {o.Id} {o.ExternalId} {o.Name} {o.UpdatedAt.UtcTicks}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    });

    public static Task<List<ImportRejection>> RejectionsAsync(EndorseApp app, int runId) =>
        app.WithDbAsync(db => db.ImportRejections.AsNoTracking().Where(r => r.ImportRunId == runId).OrderBy(r => r.LineNumber).ToListAsync());
}
