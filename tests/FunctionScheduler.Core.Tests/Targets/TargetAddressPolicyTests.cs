using System.Net;
using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class TargetAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.10.1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("172.32.0.1", null)]
    [InlineData("172.15.255.255", null)]
    [InlineData("192.168.1.1", "private")]
    [InlineData("192.169.0.1", null)]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "reserved or broadcast")]
    [InlineData("8.8.8.8", null)]
    [InlineData("20.50.1.2", null)]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:8.8.8.8", null)]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("64:ff9b::808:808", null)]
    [InlineData("2001:4860:4860::8888", null)]
    public void RestrictedRange_Address_NamesItsRange(string address, string? expected) =>
        Assert.Equal(expected, TargetAddressPolicy.RestrictedRange(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.1.0.0/16", "any.example", "10.1.2.3", true)]
    [InlineData("10.1.0.0/16", "any.example", "10.2.0.1", false)]
    [InlineData("127.0.0.1", "any.example", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "any.example", "::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.1", "any.example", "127.0.0.2", false)]
    [InlineData("::1/128", "any.example", "::1", true)]
    [InlineData("func-internal.contoso.local", "FUNC-INTERNAL.contoso.local", "10.9.9.9", true)]
    [InlineData("func-internal.contoso.local", "other.contoso.local", "10.9.9.9", false)]
    [InlineData("10.0.0.0/8", "any.example", "8.8.8.8", true)]
    public void Refusal_AllowList_AllowsOnlyWhatItNames(string entry, string host, string address, bool allowed)
    {
        var options = new TargetOptions();
        options.AllowedNetworks.Add(entry);
        var policy = new TargetAddressPolicy(Options.Create(options));

        var refusal = policy.Refusal(host, IPAddress.Parse(address));

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void Refusal_EmptyAllowList_ExplainsTheRange()
    {
        var policy = new TargetAddressPolicy(Options.Create(new TargetOptions()));

        Assert.Equal("169.254.169.254 is link-local", policy.Refusal("169.254.169.254", IPAddress.Parse("169.254.169.254")));
    }
}
