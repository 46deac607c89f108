using Endorse.Contacts;
using Endorse.Discovery;
using Endorse.Web.Api;
using Endorse.Web.Auth;

namespace Endorse.Web.Features.Discovery;

/// <summary>Candidate discovery: customers' contacts who are not advocates yet, ranked by how much they look like a good reference.</summary>
public static class DiscoveryApi
{
    public static IServiceCollection AddDiscovery(this IServiceCollection services) =>
        services.AddSingleton<DiscoveryIndex>().AddScoped<DiscoveryService>().AddScoped<NaiveDiscovery>()
            .AddSingleton(sp => DiscoveryIndexSettings.From(sp.GetRequiredService<IConfiguration>()))
            .AddHostedService<DiscoveryIndexWorker>();

    public static void MapDiscoveryApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/discovery").WithTags("Candidate discovery").RequireAuthorization(Policies.ReadCustomers);

        group.MapGet("/", async ([AsParameters] DiscoveryQuery query, DiscoveryService service, CancellationToken ct) =>
                OutcomeResults.From(await service.RankAsync(query.Request(), ct), TypedResults.Ok))
            .WithName("DiscoverCandidates").WithSummary("Rank candidate advocates")
            .WithDescription("Customers' contacts who are not advocates, ranked by how much they resemble the program's best-used advocates and the wish list (sector, products, size, region), by tenure and satisfaction (longstanding satisfied customers first), seniority, executive-program membership, a happy go-live and being on the wish list. Each candidate's score (0–100) is explained factor by factor, with a `nominateUrl` that starts their nomination. Fill a gap with `productId` and `sectorId` (a product × sector pair), `regionId`, `minimumSeniority` (Practitioner, Manager, Director, VicePresident, CLevel); `search` matches the start of the account name; `executivesOnly=true` keeps executive-program members. `page` and `pageSize` (1–200, default 25) page the ranking. Accounts a readiness gate blocks today are left out: `excludedByReason` counts them by gate, and `excluded` lists a page of them (`excludedOffset`, `excludedLimit` 1–200, default 50) with each gate's sentence and the first day they may be approached.")
            .Produces<DiscoveryResponse>().ProducesValidationProblem();

        group.MapGet("/export.csv", (HttpRequest request, [AsParameters] DiscoveryQuery query, DiscoveryService service) =>
            {
                var criteria = query.Request().Criteria;
                var errors = criteria.Validate();
                return errors.IsValid
                    ? ApiResults.Csv(service.ExportAsync(criteria, OutcomeResults.BaseUrl(request)), "candidates.csv")
                    : TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");
            })
            .WithName("ExportCandidates").WithSummary("Export candidate advocates as CSV")
            .WithDescription("The best candidates (at most 5,000) for the same filters as the ranking, best first, with the score, the three factors that earned most, and an absolute link that starts each nomination.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
    }
}

/// <summary>The query string of the discovery ranking and its export.</summary>
public sealed class DiscoveryQuery
{
    public int? ProductId { get; set; }
    public int? SectorId { get; set; }
    public int? RegionId { get; set; }
    public SeniorityTier? MinimumSeniority { get; set; }
    public string? Search { get; set; }
    public bool? ExecutivesOnly { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public int? ExcludedOffset { get; set; }
    public int? ExcludedLimit { get; set; }

    public DiscoveryRequest Request() => new(
        new DiscoveryCriteria
        {
            ProductId = ProductId,
            SectorId = SectorId,
            RegionId = RegionId,
            MinimumSeniority = MinimumSeniority ?? SeniorityTier.Unknown,
            Search = Search,
            ExecutivesOnly = ExecutivesOnly ?? false,
        },
        Page ?? 1,
        PageSize ?? 25,
        ExcludedOffset ?? 0,
        ExcludedLimit ?? 50);
}
