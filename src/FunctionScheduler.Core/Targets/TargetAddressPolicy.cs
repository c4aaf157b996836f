using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Decides which addresses targets may connect to. Public unicast addresses are allowed; loopback, link-local
/// (cloud metadata 169.254.169.254 among them), private, shared (CGNAT), unspecified, multicast, reserved and broadcast
/// addresses are refused — also when written as IPv4-mapped IPv6 or behind the NAT64 prefix — unless the address
/// or the target's host name is in <see cref="TargetOptions.AllowedNetworks"/>.
/// </summary>
public sealed class TargetAddressPolicy
{
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private readonly IPNetwork[] _networks;
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A policy with the allow-list from <paramref name="options"/>.</summary>
    public TargetAddressPolicy(IOptions<TargetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var networks = new List<IPNetwork>();
        foreach (var entry in options.Value.AllowedNetworks)
        {
            if (!TryParseEntry(entry, out var network, out var host))
            {
                throw new ArgumentException("Invalid Scheduler:Targets:AllowedNetworks entry '" + entry + "'.", nameof(options));
            }

            if (network is { } n)
            {
                networks.Add(n);
            }
            else
            {
                _hosts.Add(host!);
            }
        }

        _networks = [.. networks];
    }

    /// <summary>Null when <paramref name="address"/> may be reached for <paramref name="host"/>; else why not.</summary>
    public string? Refusal(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (RestrictedRange(address) is not { } range || _hosts.Contains(host) || IsAllowListed(address))
        {
            return null;
        }

        return address + " is " + range;
    }

    /// <summary>The kind of non-public range <paramref name="address"/> is in ("loopback", "private", ...), or null when public.</summary>
    public static string? RestrictedRange(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return RestrictedRange(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(address))
        {
            return RestrictedRange(new IPAddress(address.GetAddressBytes()[12..]));
        }

        return address.AddressFamily == AddressFamily.InterNetwork ? RestrictedV4(address) : RestrictedV6(address);
    }

    /// <summary>Parses one allow-list entry: a CIDR or single address into <paramref name="network"/>, else a host name.</summary>
    internal static bool TryParseEntry(string? entry, out IPNetwork? network, out string? host)
    {
        network = null;
        host = null;
        var trimmed = entry?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (IPNetwork.TryParse(trimmed, out var parsed))
        {
            network = parsed;
            return true;
        }

        if (IPAddress.TryParse(trimmed, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        if (Uri.CheckHostName(trimmed) == UriHostNameType.Dns)
        {
            host = trimmed;
            return true;
        }

        return false;
    }

    private bool IsAllowListed(IPAddress address)
    {
        var mapped = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(n => n.Contains(address) || n.Contains(mapped));
    }

    private static string? RestrictedV4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return (b[0], b[1]) switch
        {
            (0, _) => "unspecified",
            (127, _) => "loopback",
            (10, _) or (172, >= 16 and <= 31) or (192, 168) => "private",
            (169, 254) => "link-local",
            (100, >= 64 and <= 127) => "shared (carrier-grade NAT)",
            (>= 224 and <= 239, _) => "multicast",
            (>= 240, _) => "reserved or broadcast",
            _ => null,
        };
    }

    private static string? RestrictedV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None))
        {
            return "unspecified";
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.IsIPv6LinkLocal)
        {
            return "link-local";
        }

        if (address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal)
        {
            return "private";
        }

        return address.IsIPv6Multicast ? "multicast" : null;
    }
}
