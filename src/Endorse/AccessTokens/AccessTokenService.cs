using System.Text.Json;
using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.AccessTokens;

public enum AccessTokenStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>A token as lists show it: never the secret, only its first characters.</summary>
public sealed record AccessTokenRow(int Id, string UserId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, AccessTokenStatus Status);

/// <summary>A token just created. <see cref="Token"/> is the secret, shown this once and never stored.</summary>
public sealed record CreatedAccessToken(AccessTokenRow Details, string Token);

/// <summary>What a person enters to create a token: a name and a lifetime of 30, 90 or 365 days, or none.</summary>
public sealed class CreateAccessTokenInput
{
    public string? Name { get; set; }

    /// <summary>30, 90 or 365; null for a token that does not expire.</summary>
    public int? ExpiresInDays { get; set; }
}

/// <summary>The rules of a new token.</summary>
public static class AccessTokenRules
{
    public const int MaxName = 100;
    public static readonly IReadOnlyList<int> Lifetimes = [30, 90, 365];

    public static ValidationErrors Validate(CreateAccessTokenInput input)
    {
        var errors = new ValidationErrors().Required("name", input.Name, "Name", MaxName);
        if (input.ExpiresInDays is { } days && !Lifetimes.Contains(days))
        {
            errors.Add("expiresInDays", "Expiry must be 30, 90 or 365 days, or none.");
        }

        return errors;
    }

    public static AccessTokenStatus StatusAt(DateTimeOffset? revokedAt, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        revokedAt is not null ? AccessTokenStatus.Revoked
        : expiresAt is not null && expiresAt <= now ? AccessTokenStatus.Expired
        : AccessTokenStatus.Active;
}

/// <summary>Personal access tokens: a person lists, creates and revokes their own; an administrator anyone's.</summary>
public sealed class AccessTokenService(EndorseDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccessTokenRow>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id)
            .Select(t => new { t.Id, t.UserId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt })
            .ToListAsync(cancellationToken);
        return tokens.Select(t => new AccessTokenRow(t.Id, t.UserId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, AccessTokenRules.StatusAt(t.RevokedAt, t.ExpiresAt, now))).ToList();
    }

    public async Task<CommandResult<CreatedAccessToken>> CreateAsync(string userId, CreateAccessTokenInput input, CancellationToken cancellationToken = default)
    {
        var errors = AccessTokenRules.Validate(input);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<CreatedAccessToken>(errors);
        }

        var now = clock.GetUtcNow();
        var secret = AccessTokenSecret.Create();
        var token = new AccessToken
        {
            UserId = userId,
            Name = input.Name!.Trim(),
            Prefix = AccessTokenSecret.Shown(secret),
            TokenHash = AccessTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = input.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit("AccessToken", Id(token), "TokenCreated", JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Name"] = new { to = token.Name },
            ["Prefix"] = new { to = token.Prefix },
            ["UserId"] = new { to = token.UserId },
            ["ExpiresAt"] = new { to = token.ExpiresAt },
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok(new CreatedAccessToken(ToRow(token, now), secret));
    }

    /// <summary>Revokes a token. Only its owner or an administrator may; anyone else is told it does not exist. Revoking twice is harmless.</summary>
    public async Task<CommandResult<AccessTokenRow>> RevokeAsync(int tokenId, string actorId, bool actorIsAdministrator, CancellationToken cancellationToken = default)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || (token.UserId != actorId && !actorIsAdministrator))
        {
            return CommandResult.Missing<AccessTokenRow>();
        }

        var now = clock.GetUtcNow();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = now;
            db.Audit("AccessToken", Id(token), "TokenRevoked", JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Name"] = new { to = token.Name },
                ["Prefix"] = new { to = token.Prefix },
                ["UserId"] = new { to = token.UserId },
                ["RevokedAt"] = new { from = (DateTimeOffset?)null, to = now },
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok(ToRow(token, now));
    }

    private static string Id(AccessToken token) => token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static AccessTokenRow ToRow(AccessToken t, DateTimeOffset now) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, AccessTokenRules.StatusAt(t.RevokedAt, t.ExpiresAt, now));
}
