using Endorse.Matching;
using Endorse.Web.Api;
using Endorse.Web.Auth;

namespace Endorse.Web.Features.Matching;

/// <summary>Explainable matching and the program's health.</summary>
public static class MatchingApi
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton(sp => MatchIndexSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<MatchIndexSettings>();
            return new MatchIndex(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MatchIndex>>())
            {
                RefreshInterval = settings.RefreshInterval,
                ChangeCheckInterval = settings.ChangeCheckInterval,
            };
        });
        services.AddSingleton<MatchIndexMetrics>();
        services.AddHostedService<MatchIndexWorker>();
        services.AddHealthChecks().AddCheck<MatchIndexHealthCheck>("matching", tags: ["ready"]);
        return services.AddScoped<MatchService>().AddScoped<NaiveMatcher>();
    }

    public static void MapMatchingApi(this RouteGroupBuilder api)
    {
        var matching = api.MapGroup("/matching").WithTags("Matching").RequireAuthorization(Policies.ReadCustomers);
        matching.MapPost("/rank", async (RankRequest request, MatchService service, Endorse.Nominations.PoolAccess pool, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
                ApiResults.From(
                    await service.RankAsync(request, await pool.FilterForAsync(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, [.. Endorse.Users.Roles.All.Where(user.IsInRole)], ct), ct),
                    TypedResults.Ok))
            .WithName("RankAdvocates").WithSummary("Rank advocates for criteria")
            .WithDescription("Ranks every eligible advocate for the criteria (activity type required; products, sector, region, size band, minimum seniority, language and needed-by optional) and returns the best `top` (1–200) with the points each factor earned and why, plus the advocates left out: `excludedCount` in all, `excludedByReason` counted by reason, and one page of them with every reason (`excludedLimit`, 1–200, default 50, from `excludedOffset`, default 0). An advocate blocked today only by rules that end on or before `neededBy` stays in the ranking with `availableFrom`. The caller's pool rules apply: advocates hidden from them (another rep's reserved pocket reference; a contributors-only pool) are neither ranked nor listed, only counted by reason in `hidden` and `hiddenCount`.")
            .Produces<MatchResponse>().ProducesValidationProblem();

        api.MapGroup("/program").WithTags("Program").RequireAuthorization(Policies.ReadCustomers)
            .MapGet("/health", async (MatchService service, CancellationToken ct) => TypedResults.Ok(await service.HealthAsync(20, ct)))
            .WithName("GetProgramHealth").WithSummary("How the load spreads over advocates")
            .WithDescription("Over the last 12 months: the share of booked and completed activities done by the busiest 10% of advocates, how many advocates were never asked, and the 20 busiest advocates with their counts.")
            .Produces<ProgramHealth>();
    }
}
