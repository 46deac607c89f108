using System.Text.Json;
using Endorse.Audit;
using Endorse.Data;

namespace Endorse.Users;

/// <summary>
/// Writes what goes wrong at sign-in to the audit log (record type <c>SignIn</c>, the user's id when the e-mail
/// belongs to one): failed attempts, Identity lockouts, and attempts refused by the rate limits. The password is never
/// written; the e-mail typed and the client address are.
/// </summary>
public sealed class SignInAudit(EndorseDbContext db, TimeProvider clock)
{
    public const string Failed = "SignInFailed";
    public const string LockedOut = "SignInLockedOut";
    public const string Throttled = "SignInThrottled";

    public Task RecordAsync(string action, string? userId, string? email, string? address, string reason, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            // The person trying is not known: the e-mail they typed stands as the name, the account is the record.
            UserId = null,
            UserName = Clip(email?.Trim(), 256),
            EntityType = "SignIn",
            EntityId = userId ?? "",
            Action = action,
            Changes = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Reason"] = new { to = reason },
                ["Address"] = new { to = address },
            }),
        });
        return db.SaveChangesAsync(cancellationToken);
    }

    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
