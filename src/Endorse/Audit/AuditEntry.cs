namespace Endorse.Audit;

/// <summary>One recorded change: who changed what, when, and the values before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }

    /// <summary>What kind of thing changed: Account, Contact, Role, AccessToken, Import…</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>Created, Updated, Deleted, or a named action (RoleGranted, TokenRevoked, ImportCompleted…).</summary>
    public required string Action { get; set; }

    /// <summary>JSON object of changed properties: { "Name": { "from": "A", "to": "B" } }, or a short description.</summary>
    public string? Changes { get; set; }
}

/// <summary>Marks an entity whose every change the DbContext writes to the audit log.</summary>
public interface IAudited
{
    int Id { get; }
}

/// <summary>Who is acting now: the signed-in user, the token's user, or the system (a job, the command line).</summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string? UserName { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public string? UserId => null;
    public string? UserName => "system";
}

/// <summary>
/// An audited entity that also records changes to rows it owns (an advocate's blackouts and products): the DbContext
/// writes them into the entity's own audit entry, so one save is one entry.
/// </summary>
public interface IAuditedWithParts : IAudited
{
    /// <summary>The owned-row changes since the last save (field, text before, text after); taking them clears them.</summary>
    IReadOnlyList<AuditChange> TakePartChanges();
}
