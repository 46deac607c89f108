using Endorse.Audit;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;

namespace Endorse.Web.Features.Audit;

/// <summary>/api/v1/audit: the audit log, for administrators.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit log").RequireAuthorization(Policies.Administer);

        group.MapGet("/", List)
            .WithName("ListAuditEntries")
            .WithSummary("The audit log")
            .WithDescription("Administrators only. Newest first. Filters (exact match): entityType, entityId, action, userId; from (inclusive) and to (exclusive) as ISO 8601 instants. `changes` is JSON: { \"Field\": { \"from\": …, \"to\": … } }.")
            .Produces<Page<AuditRow>>();

        group.MapGet("/export.csv", Export)
            .WithName("ExportAuditEntries")
            .WithSummary("The audit log as CSV")
            .WithDescription("Administrators only. The same filters as the list; every matching entry, newest first.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        return group;
    }

    /// <summary>The audit log's filters and paging.</summary>
    public sealed record AuditQuery(int? Page, int? PageSize, string? EntityType, string? EntityId, string? Action, string? UserId, DateTimeOffset? From, DateTimeOffset? To)
    {
        public AuditFilter ToFilter() => new() { EntityType = EntityType, EntityId = EntityId, Action = Action, UserId = UserId, From = From, To = To };
    }

    private static async Task<IResult> List([AsParameters] AuditQuery query, AuditLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.ListAsync(query.ToFilter(), new PageRequest(query.Page ?? 1, query.PageSize ?? 50), cancellationToken));

    private static IResult Export([AsParameters] AuditQuery query, AuditLog log) =>
        ApiResults.Csv(log.ExportAsync(query.ToFilter()), "audit-log.csv");
}
