using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Notifications;
using Endorse.Requests;
using Endorse.Settings;
using Endorse.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.Benchmarks;

/// <summary>The list queries the Accounts and Contacts pages and API run, through their real services; returns the rows on the page.</summary>
public static class ListQueries
{
    public static async Task<int> AccountsAsync(EndorseDbContext db, string? search, int? sectorId, PageRequest page)
    {
        var service = new AccountService(db, new AccountValidator());
        return (await service.ListAsync(new AccountFilter(search, sectorId), page)).Items.Count;
    }

    public static Task<int> ContactsAsync(EndorseDbContext db, string? search, SeniorityTier? tier, PageRequest page) =>
        ContactsAsync(db, new ContactFilter(search, SeniorityTier: tier), page);

    /// <summary>Any contact filter, as the Contacts page and the bulk-enrol page send it.</summary>
    public static async Task<int> ContactsAsync(EndorseDbContext db, ContactFilter filter, PageRequest page)
    {
        var service = new ContactService(db, new ContactValidator(), new AccountService(db, new AccountValidator()));
        return (await service.ListAsync(filter, page)).Items.Count;
    }
}

/// <summary>The lists issue 3 added (advocates, the requests board, my requests), through their real services.</summary>
public static class ProgramListQueries
{
    public static async Task<int> AdvocatesAsync(EndorseDbContext db, AdvocateFilter filter, PageRequest page)
    {
        var clock = TimeProvider.System;
        var accounts = new AccountService(db, new AccountValidator());
        var service = new AdvocateService(db, new AdvocateValidator(), accounts, new ProgramSettingsService(db, clock), clock, Index(db));
        return (await service.ListAsync(filter, page)).Items.Count;
    }

    public static async Task<int> BoardAsync(EndorseDbContext db, BoardFilter filter, PageRequest page) =>
        (await Requests(db).BoardAsync(filter, page)).Items.Count;

    public static async Task<int> MineAsync(EndorseDbContext db, string userId, PageRequest page) =>
        (await Requests(db).ListMineAsync(new RequestActor(userId, "Bench", [Roles.SalesRep]), page)).Items.Count;

    private static RequestService Requests(EndorseDbContext db) =>
        new(db, new Notifier(db, TimeProvider.System, new MailSettings()), TimeProvider.System, new MatchService(Index(db), TimeProvider.System));

    // The list queries never rank: an index that is never loaded.
    private static MatchIndex Index(EndorseDbContext db) =>
        new(new ServiceCollection().AddSingleton(db).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
}

/// <summary>Prints the SQL a list runs (<c>explain-lists</c>), to read with the database's own EXPLAIN.</summary>
public static class ListSql
{
    public static int Run(string[] args)
    {
        var database = args.Length > 1 && args[0] == "--postgres"
            ? new DatabaseSettings(DatabaseProvider.Postgres, args[1])
            : new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + (args.Length > 1 ? args[1] : "/work/benchdata/sqlite/endorse.db"));
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<EndorseDbContext>();
        database.Apply(options);
        using var db = new EndorseDbContext(options.Options);
        var clock = TimeProvider.System;
        var service = new AdvocateService(db, new AdvocateValidator(), new AccountService(db, new AccountValidator()), new ProgramSettingsService(db, clock), clock, null!);
        var query = service.Query(new AdvocateFilter(Status: AdvocateStatus.Active, ActivityType: ActivityType.SiteVisit));
        Console.WriteLine(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(query.Skip(0).Take(25)));
        return 0;
    }
}
