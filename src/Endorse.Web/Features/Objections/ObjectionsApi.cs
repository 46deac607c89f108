using System.Security.Claims;
using Endorse.Listing;
using Endorse.Objections;
using Endorse.Requests;
using Endorse.Users;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;

namespace Endorse.Web.Features.Objections;

/// <summary>/api/v1/objections (list, report, escalations), /api/v1/playbook, a product's service lead and the escalation settings.</summary>
public static class ObjectionsApi
{
    /// <summary>Who reads the objections report: the reference team, sales managers and executives.</summary>
    public const string ReadObjections = nameof(ReadObjections);

    public static IServiceCollection AddObjections(this IServiceCollection services)
    {
        services.AddScoped<ObjectionService>().AddScoped<Playbook>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadObjections, p => p.RequireRole(Roles.Administrator, Roles.ReferenceManager, Roles.SalesManager, Roles.Executive));
        return services;
    }

    public static RouteGroupBuilder MapObjectionsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/objections").WithTags("Objections").RequireAuthorization(ReadObjections);

        group.MapGet("/", async (ObjectionService service, [AsParameters] ObjectionQuery query, CancellationToken ct) =>
                Validated(query, out var filter) ?? Results.Ok(await service.ListAsync(filter, query.PageRequest(), ct)))
            .WithName("ListObjections").WithSummary("List blocked approaches")
            .WithDescription("Every approach an account owner blocked, newest first: when, the objection and the owner's note, the account, who blocked it and the account's sales area. " +
                "Filters: `objection`, `ownerId` (who blocked), `salesAreaId`, `productId` (accounts owning it), `sectorId`, `fromMonth` and `toMonth` (yyyy-MM, inclusive, UTC), " +
                "`search` (start of the account name). For the reference team, sales managers and executives.")
            .Produces<Page<ObjectionRow>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/export.csv", (ObjectionService service, [AsParameters] ObjectionQuery query) =>
                Validated(query, out var filter) ?? ApiResults.Csv(service.ExportAsync(filter), "objections.csv"))
            .WithName("ExportObjections").WithSummary("Export blocked approaches as CSV")
            .WithDescription("The same rows and filters as the list, as a CSV file (date, month, objection, note, account, owner, sales area, request).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/report", async (ObjectionService service, [AsParameters] ObjectionQuery query, ObjectionGrouping? groupBy, CancellationToken ct) =>
                Validated(query, out var filter) ?? Results.Ok(await service.ReportAsync(filter, groupBy ?? ObjectionGrouping.Objection, ct)))
            .WithName("ReportObjections").WithSummary("The objections report")
            .WithDescription("Blocked approaches counted by `groupBy`: Objection (default), Owner, SalesArea or Month, most first (months in order), each figure with the accounts behind it " +
                "and how many of its objections each account holds. Takes the list's filters.")
            .Produces<ObjectionReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/escalations", async (ObjectionService service, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await service.EscalationsAsync(new PageRequest(page ?? 1, pageSize ?? 25), ct)))
            .WithName("ListServiceEscalations").WithSummary("List service-problem escalations")
            .WithDescription("Each episode of service-problem objections piling up in a product or sector (the count and window of the escalation settings), newest first: " +
                "when it started, who was told (once per episode) and the accounts involved.")
            .Produces<Page<EscalationRow>>().ProducesProblem(StatusCodes.Status403Forbidden);

        var playbook = api.MapGroup("/playbook").WithTags("Objections");
        playbook.MapGet("/", async (Playbook book, CancellationToken ct) => TypedResults.Ok(await book.ListAsync(ct)))
            .WithName("GetPlaybook").WithSummary("Get the objections playbook")
            .WithDescription("The answer to give to each objection an account owner may raise when blocking an approach (big bid, service problems, reorganising, too busy, corporate policy, other): " +
                "the program's own, or the default (`isDefault`).")
            .Produces<IReadOnlyList<PlaybookEntry>>();
        playbook.MapPut("/{objection}", async (ObjectionReason objection, HttpRequest request, Playbook book, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<PlaybookInput>(request);
                return problem ?? ApiResults.From(
                    await book.UpdateAsync(objection, input!, user.FindFirstValue(ClaimTypes.NameIdentifier), request.HttpContext.RequestAborted),
                    TypedResults.Ok);
            })
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("UpdatePlaybookAnswer").WithSummary("Rewrite a playbook answer")
            .WithDescription("Replaces the answer to one objection (`answer`, ≤ 4000 characters). Reference managers and administrators only; audited with the text before and after.")
            .Accepts<PlaybookInput>("application/json")
            .Produces<PlaybookEntry>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        playbook.MapDelete("/{objection}", async (ObjectionReason objection, Playbook book, CancellationToken ct) =>
                ApiResults.From(await book.ResetAsync(objection, ct), TypedResults.Ok))
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("ResetPlaybookAnswer").WithSummary("Go back to the default answer")
            .WithDescription("Forgets the program's answer to one objection; the default applies again. Reference managers and administrators only; audited.")
            .Produces<PlaybookEntry>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/products/{id:int}/service-lead", async (int id, HttpRequest request, ObjectionService service) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<ServiceLeadInput>(request);
                return problem ?? ApiResults.From(await service.SetServiceLeadAsync(id, input!.UserId, request.HttpContext.RequestAborted), lead => TypedResults.Ok(new ServiceLeadInput(lead)));
            })
            .RequireAuthorization(Policies.ManageProgram)
            .WithTags("Objections")
            .WithName("SetProductServiceLead").WithSummary("Name a product's service lead")
            .WithDescription("The person (`userId`, an active user; null for none) told when service-problem objections pile up among the product's customers. Reference managers and administrators; audited.")
            .Accepts<ServiceLeadInput>("application/json")
            .Produces<ServiceLeadInput>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var settings = api.MapGroup("/program-settings/service-escalation").WithTags("Program settings");
        settings.MapGet("/", async (ObjectionService service, CancellationToken ct) => TypedResults.Ok(await service.SettingsAsync(ct)))
            .WithName("GetServiceEscalation").WithSummary("Get the service-problem escalation settings")
            .WithDescription("How many different accounts (`accounts`) blocking for service problems within `windowDays` make an episode, and the `seniorServiceContactId` told of sector patterns " +
                "(and of products without a service lead; none: the reference managers).")
            .Produces<ServiceEscalationSettings>();
        settings.MapPut("/", async (HttpRequest request, ObjectionService service) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<ServiceEscalationSettings>(request);
                return problem ?? ApiResults.From(await service.UpdateSettingsAsync(input, request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("UpdateServiceEscalation").WithSummary("Change the service-problem escalation settings")
            .WithDescription("`accounts` 2–1000, `windowDays` 1–3650, `seniorServiceContactId` an existing user or null. Reference managers and administrators only; audited.")
            .Accepts<ServiceEscalationSettings>("application/json")
            .Produces<ServiceEscalationSettings>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static IResult? Validated(ObjectionQuery query, out ObjectionFilter filter)
    {
        filter = query.Filter();
        var errors = ObjectionService.Validate(filter);
        return errors.IsValid ? null : TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");
    }
}

/// <summary>A product's service lead (a user id; null for none).</summary>
public sealed record ServiceLeadInput(string? UserId);

/// <summary>The query string of the objections list, export and report.</summary>
public sealed class ObjectionQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public ObjectionReason? Objection { get; set; }
    public string? OwnerId { get; set; }
    public int? SalesAreaId { get; set; }
    public int? ProductId { get; set; }
    public int? SectorId { get; set; }
    public string? FromMonth { get; set; }
    public string? ToMonth { get; set; }
    public string? Search { get; set; }

    public ObjectionFilter Filter() => new(Objection, OwnerId, SalesAreaId, FromMonth, ToMonth, ProductId, SectorId, Search);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, false, Search);
}
