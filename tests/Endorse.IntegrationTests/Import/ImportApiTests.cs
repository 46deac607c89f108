using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Endorse.Data;
using Endorse.Import;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Listing;
using Endorse.Users;
using Endorse.Web.Features.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Endorse.IntegrationTests.Import.ImportFixture;

namespace Endorse.IntegrationTests.Import;

public class ImportApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Upload_queues_a_run_that_the_worker_completes(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var accounts = await UploadAsync(client, "Account.csv", "Salesforce", "Accounts");
        Assert.Equal(HttpStatusCode.Accepted, accounts.StatusCode);
        Assert.NotNull(accounts.Headers.Location);
        var accountsRun = await PollAsync(client, accounts.Headers.Location!.ToString());
        Assert.Equal((ImportStatus.Completed, 3, 100), (accountsRun.Status, accountsRun.Created, accountsRun.Percent));

        // The entity is detected from the file name when left out.
        var contacts = await UploadAsync(client, "Contact_bad.csv", "Salesforce", null);
        Assert.Equal(HttpStatusCode.Accepted, contacts.StatusCode);
        var contactsRun = await PollAsync(client, contacts.Headers.Location!.ToString());
        Assert.Equal((ImportStatus.Completed, ImportEntity.Contacts, 2, 3), (contactsRun.Status, contactsRun.Entity, contactsRun.Created, contactsRun.Rejected));

        var rejections = await client.GetFromJsonAsync<Page<ImportRejectionRow>>($"/api/v1/imports/{contactsRun.Id}/rejections?pageSize=2", Json);
        Assert.Equal((3, 2), (rejections!.Total, rejections.Items.Count));
        Assert.Equal(3, rejections.Items[0].LineNumber);

        var csv = await client.GetStringAsync($"/api/v1/imports/{contactsRun.Id}/rejections.csv");
        Assert.Contains("LineNumber", csv, StringComparison.Ordinal);
        Assert.Contains("001ZZZZZZZ", csv, StringComparison.Ordinal);

        var list = await client.GetFromJsonAsync<Page<ImportRunView>>("/api/v1/imports", Json);
        Assert.Equal([contactsRun.Id, accountsRun.Id], list!.Items.Select(r => r.Id));
        Assert.Equal(2, await app.WithDbAsync(db => db.Contacts.CountAsync()));

        // The stored upload is deleted once its run ends.
        Assert.All(await app.WithDbAsync(db => db.ImportRuns.Select(r => r.StoredFile).ToListAsync()), Assert.Null);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_uploads_are_refused_and_only_importers_may_import(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Administrator);

        var badFormat = await UploadAsync(client, "Account.csv", "Oracle", null);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("format", await badFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var genericWithoutMapping = await UploadAsync(client, "generic-accounts.csv", "GenericCsv", "Accounts");
        Assert.Equal(HttpStatusCode.BadRequest, genericWithoutMapping.StatusCode);
        Assert.Contains("mapping.Name", await genericWithoutMapping.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rep = await app.ClientForAsync(Roles.SalesRep);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(rep, "Account.csv", "Salesforce", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/v1/imports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/imports/999")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ImportRuns.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_command_line_imports_a_file_synchronously(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var settings = app.Services.GetRequiredService<DatabaseSettings>();

        async Task<(int Exit, string Output)> RunAsync(params string[] args)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ApplicationName = typeof(Program).Assembly.GetName().Name });
            builder.Configuration["Database:Provider"] = settings.Provider.ToString();
            builder.Configuration["ConnectionStrings:Endorse"] = settings.ConnectionString;
            builder.Configuration["Demo:Enabled"] = "false";
            builder.Configuration["Storage:Folder"] = Path.Combine(app.DataFolder, "files");
            using var output = new StringWriter();
            var exit = await ImportCommand.RunAsync(args, builder, output);
            return (exit, output.ToString());
        }

        var accounts = await RunAsync("--format", "salesforce", "--entity", "accounts", Sample("Account.csv"));
        Assert.True(accounts.Exit == 0, accounts.Output);
        Assert.Contains("3 created", accounts.Output, StringComparison.Ordinal);

        var contacts = await RunAsync("--format", "salesforce", Sample("Contact.csv"));
        Assert.True(contacts.Exit == 0, contacts.Output);
        Assert.Contains("4 created", contacts.Output, StringComparison.Ordinal);

        var again = await RunAsync("--format", "salesforce", "--entity", "contacts", Sample("Contact.csv"));
        Assert.Contains("0 created, 0 updated, 4 skipped", again.Output, StringComparison.Ordinal);

        var failed = await RunAsync("--format", "salesforce", "--entity", "contacts", Sample("Account.csv"));
        Assert.Equal(1, failed.Exit);
        Assert.Contains("failed", failed.Output, StringComparison.Ordinal);

        Assert.Equal(1, (await RunAsync("--format", "oracle", Sample("Account.csv"))).Exit);
        Assert.Equal(4, await app.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string sample, string format, string? entity, string? mapping = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(Sample(sample)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", sample);
        form.Add(new StringContent(format), "format");
        if (entity is not null)
        {
            form.Add(new StringContent(entity), "entity");
        }

        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }

        return await client.PostAsync("/api/v1/imports", form);
    }

    private static async Task<ImportRunView> PollAsync(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await client.GetFromJsonAsync<ImportRunView>(location, Json);
            if (run!.Status is ImportStatus.Completed or ImportStatus.Failed || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(200);
        }
    }
}
