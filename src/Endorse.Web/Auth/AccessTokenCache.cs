using System.Collections.Concurrent;
using System.Security.Claims;
using Endorse.Data;
using Endorse.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Auth;

/// <summary>The outcome of checking a personal access token: the caller's claims, or why the token was refused.</summary>
public readonly record struct AccessTokenCheck(IReadOnlyList<Claim>? Claims, string? Failure);

/// <summary>
/// This node's memory of the personal access tokens it authenticated recently, so a busy integration costs a dictionary
/// look-up per call instead of the token query, the user query and the claims factory's role and claim queries.
/// <para>
/// Coherence: an entry is used for at most <see cref="Lifetime"/> (5 seconds unless <c>Auth:TokenCacheSeconds</c>
/// says otherwise) after it was read from the database, so a token revoked, a user deactivated or a role changed on
/// any node takes effect on every node within that time. On the node that made the change it takes effect at once:
/// every save that touches tokens, users, roles or claims moves <see cref="SecuritySignal.Version"/> and entries read
/// before it are not used again. Tokens past their expiry are refused from the entry itself.
/// </para>
/// </summary>
public sealed class AccessTokenCache(TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Entries beyond this are dropped wholesale (a look-up re-reads its token); bounds memory against token spraying.</summary>
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>How long an authenticated token is trusted without asking the database again; zero turns the cache off.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(configuration.GetValue("Auth:TokenCacheSeconds", 5.0));

    /// <summary>Tokens held now (for tests and metrics).</summary>
    public int Count => entries.Count;

    /// <summary>Forgets every token (the next call of each re-reads it).</summary>
    public void Clear() => entries.Clear();

    /// <summary>Checks a token by its hash: from this node's memory when read recently and nothing security-related changed since, else from the database.</summary>
    public async Task<AccessTokenCheck> AuthenticateAsync(
        string tokenHash, EndorseDbContext db, IUserClaimsPrincipalFactory<EndorseUser> principals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(principals);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(tokenHash, out var entry) && entry.Version == SecuritySignal.Version && clock.GetElapsedTime(entry.ReadAt) < Lifetime)
        {
            if (entry.ExpiresAt is { } expires && expires <= now)
            {
                entries.TryRemove(tokenHash, out _);
                return new AccessTokenCheck(null, "The access token is unknown, revoked or expired.");
            }

            await RecordUseAsync(db, entry, now, cancellationToken);
            return new AccessTokenCheck(entry.Claims, null);
        }

        // Read the version before the rows: a change saved meanwhile leaves this entry behind the version, never ahead of it.
        var version = SecuritySignal.Version;
        var readAt = clock.GetTimestamp();
        var stored = await db.AccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == tokenHash)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null || stored.RevokedAt is not null || (stored.ExpiresAt is { } expiry && expiry <= now))
        {
            entries.TryRemove(tokenHash, out _);
            return new AccessTokenCheck(null, "The access token is unknown, revoked or expired.");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == stored.UserId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            entries.TryRemove(tokenHash, out _);
            return new AccessTokenCheck(null, "The access token's user is disabled.");
        }

        var principal = await principals.CreateAsync(user);
        Claim[] claims = [.. principal.Claims, new Claim("token_id", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        entry = new Entry(stored.Id, stored.ExpiresAt, claims, version, readAt) { LastUsedAt = stored.LastUsedAt };
        await RecordUseAsync(db, entry, now, cancellationToken);
        if (Lifetime > TimeSpan.Zero)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[tokenHash] = entry;
        }

        return new AccessTokenCheck(claims, null);
    }

    /// <summary>Records use at most once a minute per token, so a busy integration does not write on every call.</summary>
    private static async Task RecordUseAsync(EndorseDbContext db, Entry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = entry.LastUsedAt;
        if (last is not null && now - last <= TimeSpan.FromMinutes(1))
        {
            return;
        }

        entry.LastUsedAt = now;
        var id = entry.TokenId;
        await db.AccessTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
    }

    private sealed record Entry(int TokenId, DateTimeOffset? ExpiresAt, Claim[] Claims, long Version, long ReadAt)
    {
        public DateTimeOffset? LastUsedAt { get; set; }
    }
}
