using System.Text.Json.Nodes;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Scheduling;
using Endorse.Users;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Endorse.IntegrationTests.Readiness;

public class SourcingApiDocumentTests
{
    private static readonly string[] Prefixes = ["/api/v1/readiness", "/api/v1/gates", "/api/v1/discovery", "/api/v1/wish-list", "/api/v1/onboarding", "/api/v1/executive-programs", "/api/v1/hygiene"];

    [Fact]
    public async Task Every_endpoint_of_the_sourcing_features_is_described_with_its_error_answers()
    {
        await using var app = new EndorseApp(TestDatabases.Sqlite);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .Where(p => Prefixes.Any(prefix => p.Key.StartsWith(prefix, StringComparison.Ordinal)) || p.Key.EndsWith("/readiness", StringComparison.Ordinal) || p.Key.Contains("/gates", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();

        Assert.True(operations.Count >= 40, $"Only {operations.Count} operations found.");
        foreach (var (path, method, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{method} {path} has no summary.");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{method} {path} has no description.");
            var errors = operation["responses"]!.AsObject().Select(r => r.Key).Where(code => code.StartsWith('4')).ToList();
            if (method != "get" || path.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(errors.Count > 0, $"{method} {path} lists no error answers.");
            }
        }
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_watch_and_the_daily_reminders_are_in_the_persistent_scheduler(string database)
    {
        await using var app = new EndorseApp(database);
        _ = app.Services;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(SourcingWatchJob.Key));
        Assert.True(await scheduler.Exists(DailyRemindersJob.Key));
        var daily = await scheduler.GetTrigger(DailyRemindersJob.TriggerKey);
        Assert.NotNull(daily);
        var next = daily.NextFireTimeUtc;
        Assert.NotNull(next);
        Assert.Equal(7, next.Value.UtcDateTime.Hour);
        Assert.True(next.Value - DateTimeOffset.UtcNow <= TimeSpan.FromDays(1));
    }
}
