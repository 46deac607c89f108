using System.Security.Cryptography;
using System.Text;

namespace Endorse.Requests;

/// <summary>The secret in an advocate's answer link: 32 random bytes, base64url; only its SHA-256 is stored.</summary>
public static class AskLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A well-formed token: 43 base64url characters. Anything else is not looked up at all.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');

    public static string Path(string token) => "/respond/" + token;
}
