namespace Endorse.AccessTokens;

/// <summary>
/// A personal access token for the API. Only a SHA-256 hash is stored; the token is shown once when created.
/// It acts as its user, with that user's roles.
/// </summary>
public class AccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, shown in lists so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
