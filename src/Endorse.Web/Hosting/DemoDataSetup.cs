using Endorse.Data;
using Endorse.Demo;
using Endorse.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Hosting;

/// <summary>Loads the demo data set (accounts, contacts, products, opportunities) on a first start.</summary>
public static class DemoDataSetup
{
    /// <summary>The sales area the demo sales rep sells in and the demo sales manager leads.</summary>
    public const string DemoSalesArea = "North America East";

    public static async Task LoadAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<EndorseDbContext>();
        var users = services.GetRequiredService<UserManager<EndorseUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // The demo rep owns every fourth account; the others belong to reps known only by their CRM id,
        // so the rep sees both accounts they may change and accounts they may only read.
        var reps = await users.GetUsersInRoleAsync(Roles.SalesRep);
        var owners = reps.OrderBy(r => r.Email, StringComparer.Ordinal).Select(r => (string?)r.Id).ToList();
        owners.AddRange(Enumerable.Repeat<string?>(null, Math.Max(1, owners.Count) * 3));

        if (!await DemoDataLoader.LoadAsync(db, owners, today))
        {
            logger.LogInformation("The database already holds accounts; the demo data set is not loaded");
            return;
        }

        // The demo rep sells in the area the demo sales manager leads, so both see accounts they may change.
        var managers = await users.GetUsersInRoleAsync(Roles.SalesManager);
        var people = reps.Concat(managers).Select(u => u.Id).ToList();
        var area = await db.SalesAreas.SingleAsync(a => a.Name == DemoSalesArea);
        foreach (var user in await db.Users.Where(u => people.Contains(u.Id)).ToListAsync())
        {
            user.SalesAreaId = area.Id;
        }

        area.ManagerId = managers.OrderBy(m => m.Email, StringComparer.Ordinal).Select(m => m.Id).FirstOrDefault();
        await db.SaveChangesAsync();
        await DemoAdvocates.EnrolAsync(db, clock.GetUtcNow());

        // Two HubSpot exports whose reports show warnings, industries to place and custom deal stages to read.
        await DemoImports.RunAsync(services, clock);

        // Sourcing in use: nominations in every state, objections, a service-problem escalation.
        async Task<string?> First(string role) => (await users.GetUsersInRoleAsync(role)).OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => u.Id).FirstOrDefault();
        if (await First(Roles.ReferenceManager) is { } referenceManager && reps.OrderBy(r => r.Email, StringComparer.Ordinal).FirstOrDefault() is { } rep)
        {
            await SourcingDemoData.LoadAsync(
                db, services.GetRequiredService<Endorse.Notifications.Notifier>(), clock,
                new SourcingDemoUsers(referenceManager, rep.Id, await First(Roles.SalesManager), await First(Roles.Marketing), await First(Roles.CustomerSuccess),
                    await First(Roles.Executive), await First(Roles.Administrator)));
        }

        // The wish list, gates, check-ins, executive programs and program hygiene in use (on accounts the above left alone).
        await DiscoveryDemoData.LoadAsync(db, new DiscoveryDemoPeople(
            await First(Roles.ReferenceManager), await First(Roles.SalesRep), await First(Roles.SalesManager),
            await First(Roles.Executive), await First(Roles.Administrator)), today);

        logger.LogInformation(
            "Loaded the demo data set: {Accounts} accounts, {Contacts} contacts, {Opportunities} opportunities",
            DemoDataLoader.AccountCount, DemoDataLoader.ContactCount, DemoDataLoader.OpportunityCount);
        await DemoProgramSetup.LoadAsync(services, logger);
    }
}
