using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Endorse.Data;
using Endorse.Import;
using Endorse.Storage;
using Endorse.Web.Hosting;

namespace Endorse.Web.Features.Import;

/// <summary>
/// <c>dotnet run --project src/Endorse.Web -- import --format salesforce --entity contacts path/to/Contact.csv</c>:
/// runs the same importer as the web app, synchronously, against the configured database. Exit code 0 when the
/// import completed, 1 when it failed (nothing changed) or the arguments are wrong.
/// </summary>
public static class ImportCommand
{
    public const string Usage =
        "usage: import --format salesforce|hubspot|generic [--entity accounts|contacts|opportunities] [--mapping '{\"Id\":\"Code\",...}'] FILE.csv";

    public static Task<int> RunAsync(string[] args, WebApplicationBuilder builder) => RunAsync(args, builder, Console.Out);

    public static async Task<int> RunAsync(string[] args, WebApplicationBuilder builder, TextWriter output)
    {
        if (!TryParse(args, out var format, out var entity, out var mapping, out var path, out var problem))
        {
            await output.WriteLineAsync(problem);
            await output.WriteLineAsync(Usage);
            return 1;
        }

        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"File not found: {path}");
            return 1;
        }

        builder.AddEndorse();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DatabaseMigrator.MigrateAsync(services.GetRequiredService<EndorseDbContext>());

        var fileName = Path.GetFileName(path);
        ImportEntity? chosen = entity;
        if (chosen is null)
        {
            await using var headerStream = File.OpenRead(path);
            chosen = ImportFields.Detect(format, fileName, await ImportService.ReadHeaderAsync(headerStream));
            if (chosen is null)
            {
                await output.WriteLineAsync("Could not tell whether the file holds accounts, contacts or opportunities; pass --entity.");
                return 1;
            }
        }

        var run = new ImportRun
        {
            Format = format,
            Entity = chosen.Value,
            FileName = fileName,
            FileSize = new FileInfo(path).Length,
            ColumnMapping = mapping is null ? null : JsonSerializer.Serialize(mapping),
            RequestedByName = "command line (" + Environment.UserName + ")",
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };

        await output.WriteLineAsync($"Importing {run.Entity.ToString().ToLowerInvariant()} from {fileName} ({run.Format}, {run.FileSize:N0} bytes)…");
        var runner = services.GetRequiredService<ImportRunner>();
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var lastPrinted = DateTimeOffset.MinValue;
        var watch = Stopwatch.StartNew();
        var result = await runner.RunNowAsync(run, input, counts =>
        {
            if (DateTimeOffset.UtcNow - lastPrinted < TimeSpan.FromSeconds(1))
            {
                return;
            }

            lastPrinted = DateTimeOffset.UtcNow;
            var percent = run.FileSize == 0 ? 100 : counts.BytesRead * 100 / run.FileSize;
            output.WriteLine($"  {percent,3}%  {counts.RowsRead:N0} rows read, {counts.Created:N0} created, {counts.Updated:N0} updated, {counts.Skipped:N0} skipped, {counts.Rejected:N0} rejected");
        });

        watch.Stop();
        await output.WriteLineAsync(Report(result));
        await output.WriteLineAsync(Rate(result.RowsRead, watch.Elapsed, Process.GetCurrentProcess().PeakWorkingSet64));
        if (result.Rejected > 0)
        {
            var service = services.GetRequiredService<ImportService>();
            var first = await service.RejectionsAsync(result.Id, new Listing.PageRequest(1, 20));
            await output.WriteLineAsync("First rejected rows:");
            foreach (var rejection in first.Items)
            {
                await output.WriteLineAsync($"  line {rejection.LineNumber}: {rejection.ExternalId} {rejection.Reason}");
            }
        }

        if (result.Warnings > 0)
        {
            var report = services.GetRequiredService<ImportReportService>();
            var first = await report.WarningsAsync(result.Id, new Listing.PageRequest(1, 20));
            await output.WriteLineAsync($"First warnings (all of them: /imports/{result.Id} or /api/v1/imports/{result.Id}/warnings.csv):");
            foreach (var warning in first.Items)
            {
                await output.WriteLineAsync($"  line {warning.LineNumber}, {warning.Column} '{warning.Value}': {warning.Message}");
            }
        }

        return result.Status == ImportStatus.Completed ? 0 : 1;
    }

    public static string Report(ImportRunView run) => run.Status == ImportStatus.Completed
        ? string.Create(CultureInfo.InvariantCulture, $"Import {run.Id} completed: {run.RowsRead:N0} rows read, {run.Created:N0} created, {run.Updated:N0} updated, {run.Skipped:N0} skipped, {run.Rejected:N0} rejected, {run.Warnings:N0} warnings.")
        : $"Import {run.Id} failed; nothing was changed. {run.Error}";

    /// <summary>The import's own time (start-up and the schema check excluded) and the process's peak memory, to compare runs.</summary>
    public static string Rate(int rows, TimeSpan elapsed, long peakBytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"Import time {elapsed.TotalSeconds:N1} s: {(elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0):N0} rows/s; peak memory (RSS) {peakBytes / 1024 / 1024:N0} MB.");

    internal static bool TryParse(string[] args, out ImportFormat format, out ImportEntity? entity, out Dictionary<string, string>? mapping, out string path, out string problem)
    {
        format = ImportFormat.Salesforce;
        entity = null;
        mapping = null;
        path = string.Empty;
        problem = string.Empty;
        string? formatText = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : string.Empty;
            switch (arg)
            {
                case "--format":
                    formatText = Next();
                    break;
                case "--entity":
                    var entityText = Next();
                    if (!Enum.TryParse<ImportEntity>(entityText, true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(entityText, out _))
                    {
                        problem = $"Unknown entity '{entityText}'.";
                        return false;
                    }

                    entity = parsed;
                    break;
                case "--mapping":
                    var mappingText = Next();
                    try
                    {
                        mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(File.Exists(mappingText) ? File.ReadAllText(mappingText) : mappingText);
                    }
                    catch (JsonException)
                    {
                        problem = "--mapping must be a JSON object (or a file holding one) of Endorse field → column name.";
                        return false;
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        problem = $"Unknown option '{arg}'.";
                        return false;
                    }

                    path = arg;
                    break;
            }
        }

        switch (formatText?.ToLowerInvariant())
        {
            case "salesforce":
                format = ImportFormat.Salesforce;
                break;
            case "hubspot":
                format = ImportFormat.HubSpot;
                break;
            case "generic" or "genericcsv" or "csv":
                format = ImportFormat.GenericCsv;
                break;
            default:
                problem = "--format must be salesforce, hubspot or generic.";
                return false;
        }

        if (path.Length == 0)
        {
            problem = "Name the CSV file to import.";
            return false;
        }

        if (format == ImportFormat.GenericCsv && mapping is null)
        {
            problem = "The generic format needs --mapping.";
            return false;
        }

        return true;
    }
}
