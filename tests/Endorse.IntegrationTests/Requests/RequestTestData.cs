using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Requests;

/// <summary>Seeding and portal helpers for the request workflow tests.</summary>
internal static partial class RequestTestData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>An active advocate at a new account (named-public, healthy), optionally owned by <paramref name="ownerId"/>.</summary>
    public static Task<(int AdvocateId, int AccountId, string Email)> AddAdvocateAsync(this EndorseApp app, string? ownerId = null) =>
        app.WithDbAsync(async db =>
        {
            var account = new Account { Name = "Customer " + Guid.NewGuid().ToString("N")[..6], OwnerId = ownerId, DisclosurePermission = DisclosurePermission.NamedPublic };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            var email = $"ada-{Guid.NewGuid():N}@customer.example";
            var contact = new Contact { AccountId = account.Id, SectorId = account.SectorId, RegionId = account.RegionId, FirstName = "Ada", LastName = "Advocate", Email = email };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            var advocate = new Advocate
            {
                ContactId = contact.Id,
                AccountId = account.Id,
                Status = AdvocateStatus.Active,
                ActivityTypes = ActivityTypeSet.Of(ActivityTypes.All),
                EnrolledAt = DateTimeOffset.UtcNow,
            };
            db.Advocates.Add(advocate);
            await db.SaveChangesAsync();
            return (advocate.Id, account.Id, email);
        });

    public static Task AddActivityAsync(this EndorseApp app, int advocateId, int accountId, DateOnly on, AdvocacyActivityState state = AdvocacyActivityState.Completed, ActivityType type = ActivityType.CaseStudyUse) =>
        app.WithDbAsync(async db =>
        {
            db.AdvocacyActivities.Add(new AdvocacyActivity { AdvocateId = advocateId, AccountId = accountId, ActivityType = type, OccurredOn = on, State = state, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

    /// <summary>The secret link in the only mail queued to <paramref name="email"/>; with <paramref name="subject"/>, in the latest mail whose subject starts so.</summary>
    public static Task<string> LinkTokenAsync(this EndorseApp app, string email, string? subject = null) =>
        app.WithDbAsync(async db =>
        {
            var mails = await db.OutboundMails.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).Select(m => new { m.Subject, m.TextBody }).ToListAsync();
            var mail = subject is null ? Assert.Single(mails) : mails.Last(m => m.Subject.StartsWith(subject, StringComparison.Ordinal));
            var match = LinkPattern().Match(mail.TextBody!);
            Assert.True(match.Success, "No /respond/ link in the mail.");
            return match.Groups[1].Value;
        });

    /// <summary>
    /// Through the API and the advocate's link, as the people would: submits a request, proposes the advocate (asked at
    /// once: no account owner), accepts through the link offering <paramref name="slot"/>, and books it.
    /// </summary>
    public static async Task<(int RequestId, int ParticipantId)> ScheduleAsync(this EndorseApp app, HttpClient manager, int advocateId, string email, string activityType, DateTime slot)
    {
        var created = await (await manager.PostJsonAsync("/api/v1/requests", new { prospectName = "Prospect " + Guid.NewGuid().ToString("N")[..4], activityType, neededBy = Today.AddDays(30) })).ReadJsonAsync();
        var id = (int)created["id"]!;
        var proposed = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocateId } });
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        var pid = (int)(await proposed.ReadJsonAsync())["participants"]![0]!["id"]!;
        var token = await app.LinkTokenAsync(email, "Could you help");
        using var portal = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var antiforgery = await AntiforgeryAsync(portal, "/respond/" + token);
        var accepted = await PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "accept"), ("slot1", slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var scheduled = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/schedule", new { slot = new DateTimeOffset(slot, TimeSpan.Zero) });
        Assert.True(scheduled.StatusCode == HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        return (id, pid);
    }

    /// <summary>Time passes: the booked start of the approach is an hour ago, so whether it happened can be told.</summary>
    public static Task TimePassesAsync(this EndorseApp app, int participantId) =>
        app.WithDbAsync(db => db.RequestParticipants.Where(p => p.Id == participantId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ScheduledStart, DateTimeOffset.UtcNow.AddHours(-1))));

    /// <summary>The antiforgery form token of a page (the client keeps the cookie).</summary>
    public static async Task<string> AntiforgeryAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var input = AntiforgeryInput().Match(html);
        Assert.True(input.Success, "No antiforgery token on " + url);
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string antiforgery, params (string Key, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]));

    [GeneratedRegex(@"/respond/([A-Za-z0-9_\-]{43})")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex(@"value=""([^""]+)""")]
    private static partial Regex ValueAttribute();
}
