using System.Security.Cryptography;
using System.Text;

namespace Endorse.AccessTokens;

/// <summary>Creates token secrets and the hashes stored in their place.</summary>
public static class AccessTokenSecret
{
    public const string Prefix = "edr_";
    private const int SecretBytes = 32;

    /// <summary>A new token: "edr_" + 43 URL-safe base64 characters (256 random bits).</summary>
    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static bool LooksValid(string token) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length is > 20 and < 100 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>What lists show of a token: enough to recognise it, never enough to use it.</summary>
    public static string Shown(string token) => token[..Math.Min(token.Length, 10)];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
