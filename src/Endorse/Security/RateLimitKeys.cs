using System.Net;
using System.Net.Sockets;

namespace Endorse.Security;

/// <summary>
/// The partitions rate limits count in: a client address, an account, an API caller. Each limit counts per key, so
/// two callers with different keys never slow each other down.
/// </summary>
public static class RateLimitKeys
{
    /// <summary>
    /// A client address. IPv4 addresses count one by one; IPv6 addresses by their /64 network, because one client
    /// usually holds a whole /64 and could otherwise take a fresh address for every attempt.
    /// </summary>
    public static string Address(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip:" + new IPAddress(bytes) + "/64";
    }

    /// <summary>An account by the e-mail typed to sign in: trimmed, case ignored. None for an empty e-mail.</summary>
    public static string? Account(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : "account:" + email.Trim().ToUpperInvariant();

    /// <summary>
    /// An API caller: the personal access token when one was used (each token its own budget), else the signed-in
    /// user, else the client address.
    /// </summary>
    public static string Api(string? tokenId, string? userId, IPAddress? address) =>
        !string.IsNullOrEmpty(tokenId) ? "token:" + tokenId
        : !string.IsNullOrEmpty(userId) ? "user:" + userId
        : Address(address);
}
