using System.Globalization;
using Endorse.AccessTokens;
using Endorse.Import;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Requests;
using Endorse.Notifications;
using Endorse.Opportunities;
using Endorse.Taxonomy;
using Endorse.Users;

namespace Endorse.IntegrationTests.Api;

/// <summary>One record of each kind, so the operations walked with malformed input reach their real code paths.</summary>
internal sealed class MalformedInputSeed
{
    private readonly Dictionary<string, string> ids = new(StringComparer.Ordinal);

    public static async Task<MalformedInputSeed> CreateAsync(EndorseApp app, HttpClient admin)
    {
        var seed = new MalformedInputSeed();
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        seed.ids["users"] = rep.Id;
        var (advocateId, accountId, _) = await app.AddAdvocateAsync(rep.Id);
        seed.ids["advocates"] = Text(advocateId);
        seed.ids["accounts"] = Text(accountId);
        seed.ids["contacts"] = Text(await app.WithDbAsync(db => Task.FromResult(db.Advocates.Where(a => a.Id == advocateId).Select(a => a.ContactId).Single())));
        seed.ids["products"] = Text(await app.AddProductAsync("Seeded product"));
        seed.ids["sectors"] = Text(await app.AddSectorAsync("Seeded sector"));
        seed.ids["sales-areas"] = Text(await app.AddSalesAreaAsync("Seeded area"));
        seed.ids["regions"] = Text(await app.WithDbAsync(async db =>
        {
            var region = new Region { Name = "Seeded region", Countries = "France" };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            return region.Id;
        }));
        seed.ids["opportunities"] = Text(await app.WithDbAsync(async db =>
        {
            var opportunity = new Opportunity { Name = "Seeded deal", AccountId = accountId };
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync();
            return opportunity.Id;
        }));

        var request = await (await admin.PostJsonAsync("/api/v1/requests", new { prospectName = "Seeded prospect", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20), advocatesNeeded = 2 })).ReadJsonAsync();
        var requestId = (int)request["id"]!;
        var proposed = await (await admin.PostJsonAsync($"/api/v1/requests/{requestId}/participants", new { advocateIds = new[] { advocateId } })).ReadJsonAsync();
        seed.ids["requests"] = Text(requestId);
        seed.ids["pid"] = Text((int)proposed["participants"]![0]!["id"]!);

        var adminId = (string)(await (await admin.GetAsync("/api/v1/users/me")).ReadJsonAsync())["id"]!;
        seed.ids["notifications"] = (await app.WithDbAsync(async db =>
        {
            var notification = new Notification { UserId = adminId, Title = "Seeded", CreatedAt = DateTimeOffset.UtcNow };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        })).ToString(CultureInfo.InvariantCulture);
        seed.ids["tokens"] = Text(await app.WithDbAsync(async db =>
        {
            var secret = AccessTokenSecret.Create();
            var token = new AccessToken { UserId = adminId, Name = "seeded", Prefix = AccessTokenSecret.Shown(secret), TokenHash = AccessTokenSecret.Hash(secret), CreatedAt = DateTimeOffset.UtcNow };
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync();
            return token.Id;
        }));
        seed.ids["imports"] = Text(await app.WithDbAsync(async db =>
        {
            var run = new ImportRun { FileName = "Account.csv", Format = ImportFormat.Salesforce, Entity = ImportEntity.Accounts, Status = ImportStatus.Completed, CreatedAt = DateTimeOffset.UtcNow };
            run.Rejections.Add(new ImportRejection { LineNumber = 2, Reason = "Seeded rejection" });
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        }));
        return seed;
    }

    /// <summary>The seeded id for a path parameter: <c>pid</c> is the participant; <c>id</c> is the record of the path's resource.</summary>
    public string IdFor(string path, string parameter)
    {
        if (ids.TryGetValue(parameter, out var direct))
        {
            return direct;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 2 ? segments[2] : "";
        return ids.TryGetValue(resource, out var id) ? id : "1";
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
