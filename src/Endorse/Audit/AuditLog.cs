using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Audit;

/// <summary>What the audit log is narrowed to. Every filter is an exact match on an indexed column or a time range.</summary>
public sealed class AuditFilter
{
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Action { get; set; }
    public string? UserId { get; set; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Entries before this instant.</summary>
    public DateTimeOffset? To { get; set; }
}

public sealed record AuditRow(long Id, DateTimeOffset At, string? UserId, string? UserName, string EntityType, string EntityId, string Action, string? Changes);

/// <summary>One audit entry as a CSV line.</summary>
public sealed record AuditCsvRow(long Id, DateTimeOffset At, string? UserId, string? UserName, string EntityType, string EntityId, string Action, string? Changes);

/// <summary>One property's change, readable: the field, the value before and the value after (null when there was none).</summary>
public sealed record AuditChange(string Field, string? From, string? To);

/// <summary>Reads the audit log, newest first.</summary>
public sealed class AuditLog(EndorseDbContext db)
{
    /// <summary>The named actions the log holds (plain property changes are Created, Updated, Deleted).</summary>
    public static readonly IReadOnlyList<string> KnownActions =
        ["Created", "Updated", "Deleted", "UserCreated", "UserUpdated", "UserDeactivated", "UserReactivated", "PasswordReset", "RoleGranted", "RoleRemoved", "TokenCreated", "TokenRevoked", "ImportCompleted",
        "PasswordChanged", "SignInFailed", "SignInLockedOut", "SignInThrottled", "PoolRulesChanged", "ServiceEscalationChanged", "Escalated"];

    public static readonly IReadOnlyList<string> KnownEntityTypes = ["Account", "Contact", "Advocate", "Opportunity", "Product", "Sector", "Region", "SalesArea", "User", "Role", "AccessToken", "Import", "SignIn", "Nomination", "PlaybookAnswer", "ServiceEscalation", "ProgramSettings"];

    public Task<Page<AuditRow>> ListAsync(AuditFilter filter, PageRequest request, CancellationToken cancellationToken = default) =>
        Filtered(filter).ToPageAsync(request, cancellationToken);

    public async IAsyncEnumerable<AuditCsvRow> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Filtered(filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new AuditCsvRow(row.Id, row.At, row.UserId, row.UserName, row.EntityType, row.EntityId, row.Action, row.Changes);
        }
    }

    private IQueryable<AuditRow> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(a => a.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            query = query.Where(a => a.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            var user = filter.UserId.Trim();
            query = query.Where(a => a.UserId == user);
        }

        // Both databases compare instants in UTC (SQLite stores UTC ticks; Npgsql refuses other offsets).
        if (filter.From is { } from)
        {
            from = from.ToUniversalTime();
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            to = to.ToUniversalTime();
            query = query.Where(a => a.At < to);
        }

        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.UserId, a.UserName, a.EntityType, a.EntityId, a.Action, a.Changes));
    }
}

/// <summary>Turns an audit entry's changes JSON ({ "Name": { "from": "A", "to": "B" } }) into readable rows.</summary>
public static class AuditChanges
{
    /// <summary>The changes of an entry; a text that is not such JSON comes back as one row with the text as its "to".</summary>
    public static IReadOnlyList<AuditChange> Parse(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(changes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditChange("", null, Show(document.RootElement))];
            }

            var list = new List<AuditChange>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object
                    && (property.Value.TryGetProperty("from", out _) || property.Value.TryGetProperty("to", out _)))
                {
                    list.Add(new AuditChange(
                        property.Name,
                        property.Value.TryGetProperty("from", out var from) ? Show(from) : null,
                        property.Value.TryGetProperty("to", out var to) ? Show(to) : null));
                }
                else
                {
                    list.Add(new AuditChange(property.Name, null, Show(property.Value)));
                }
            }

            return list;
        }
        catch (JsonException)
        {
            return [new AuditChange("", null, changes)];
        }
    }

    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => value.GetRawText(),
    };
}
