using System.Globalization;
using Endorse.Data;
using Endorse.Demo;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Hosting;

/// <summary>
/// <c>endorse generate --accounts 200000 --contacts 1000000 --opportunities 2000000 [--seed 42]</c>: brings the configured
/// database's schema up to date and adds generated data in bulk, for scale tests and benchmarks.
/// </summary>
public static class GenerateCommand
{
    public const string Usage = "Usage: endorse generate [--accounts N] [--contacts N] [--opportunities N] [--seed N]";

    public static async Task<int> RunAsync(string[] args, WebApplicationBuilder builder)
    {
        if (!TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var settings = DatabaseSettings.From(builder.Configuration);
        var dbOptions = new DbContextOptionsBuilder<EndorseDbContext>();
        settings.Apply(dbOptions);
        await using var db = new EndorseDbContext(dbOptions.Options) { AuditEachChange = false };
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));

        Console.WriteLine($"Generating {options.Accounts:N0} accounts, {options.Contacts:N0} contacts, {options.Opportunities:N0} opportunities (seed {options.Seed}) on {settings.Provider}");
        await DatabaseMigrator.MigrateAsync(db);
        var result = await BulkGenerator.RunAsync(db, options, TimeProvider.System, Console.WriteLine);
        var rows = result.Accounts + result.AccountProducts + result.Contacts + result.Opportunities;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done: {rows:N0} rows in {result.Elapsed.TotalSeconds:N1} s ({rows / result.Elapsed.TotalSeconds:N0} rows/s)"));
        return 0;
    }

    public static bool TryParse(string[] args, out GenerateOptions options, out string? error)
    {
        int accounts = 1_000, contacts = 5_000, opportunities = 2_000, seed = 42;
        options = new GenerateOptions(accounts, contacts, opportunities, seed);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                error = $"'{args[i]}' needs a whole number ≥ 0 after it.";
                return false;
            }

            switch (args[i])
            {
                case "--accounts": accounts = value; break;
                case "--contacts": contacts = value; break;
                case "--opportunities": opportunities = value; break;
                case "--seed": seed = value; break;
                default:
                    error = $"Unknown option '{args[i]}'.";
                    return false;
            }

            i++;
        }

        if (accounts == 0 && (contacts > 0 || opportunities > 0))
        {
            error = "Contacts and opportunities belong to accounts: --accounts must be at least 1.";
            return false;
        }

        options = new GenerateOptions(accounts, contacts, opportunities, seed);
        return true;
    }
}
