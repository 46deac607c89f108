using Endorse.IntegrationTests.Infrastructure;
using Endorse.Nominations;
using Endorse.Requests;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Nominations;

public sealed class SourcingDemoTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_demo_data_shows_sourcing_in_use(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        _ = app.Services; // starts Endorse: migrations, demo users, demo data

        var statuses = await app.WithDbAsync(db => db.Nominations.Select(n => n.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<NominationStatus>().Order(), statuses.Order());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.True(await app.WithDbAsync(db => db.Nominations.AnyAsync(n => n.Kind == NominationKind.PocketReference && n.ReservedUntil >= today && n.AdvocateId != null)), "a pocket reference reserved for its rep");
        var weekAgo = DateTimeOffset.UtcNow.AddDays(-7);
        Assert.True(await app.WithDbAsync(db => db.Nominations.AnyAsync(n => n.Status == NominationStatus.AwaitingReview && n.WaitingSince < weekAgo)), "a nomination waiting over a week");
        Assert.True(await app.WithDbAsync(db => db.NominationEvents.CountAsync()) >= 10);

        var objections = await app.WithDbAsync(db => db.RequestParticipants.Where(p => p.Objection != null).Select(p => p.Objection!.Value).Distinct().ToListAsync());
        Assert.True(objections.Count >= 5, $"objections of several kinds ({string.Join(", ", objections)})");
        Assert.Contains(ObjectionReason.ServiceProblems, objections);
        Assert.True(await app.WithDbAsync(db => db.PlaybookAnswers.AnyAsync()), "a playbook answer in the program's words");

        var escalation = Assert.Single(await app.WithDbAsync(db => db.ServiceEscalations.ToListAsync()));
        Assert.Equal(3, escalation.AccountCount);
        Assert.Equal("Casey Success", escalation.NotifiedNames);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Title.StartsWith("Service problems are blocking references"))));
    }
}
