using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class TargetWarningsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "127.0.0.1 is loopback")]
    [InlineData("http://[::1]/hook", "::1 is loopback")]
    [InlineData("http://10.1.2.3/hook", "10.1.2.3 is private")]
    [InlineData("http://192.168.0.10/hook", "192.168.0.10 is private")]
    [InlineData("http://169.254.169.254/latest/meta-data", "169.254.169.254 is link-local")]
    [InlineData("http://localhost:7071/api/x", "127.0.0.1 is loopback")]
    [InlineData("http://app.localhost/x", "127.0.0.1 is loopback")]
    public void For_NonPublicAddressOrLocalhost_WarnsThatFiresWillBeRefused(string url, string reason)
    {
        var warning = Assert.Single(Warnings().For(Target(url)));

        Assert.Contains(reason, warning, StringComparison.Ordinal);
        Assert.Contains("AllowedNetworks", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://worker.example.com/hook")]
    [InlineData("http://93.184.216.34/hook")]
    [InlineData("http://internal.contoso.local/hook")]
    public void For_PublicAddressOrUnresolvedName_NoWarning(string url)
    {
        Assert.Empty(Warnings().For(Target(url)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "127.0.0.1")]
    [InlineData("http://10.1.2.3/hook", "10.0.0.0/8")]
    [InlineData("http://localhost/hook", "localhost")]
    public void For_AllowListedTarget_NoWarning(string url, string allowed)
    {
        Assert.Empty(Warnings(allowed).For(Target(url)));
    }

    private static TargetWarnings Warnings(params string[] allowed)
    {
        var options = new TargetOptions();
        foreach (var entry in allowed)
        {
            options.AllowedNetworks.Add(entry);
        }

        return new TargetWarnings(new TargetAddressPolicy(Options.Create(options)));
    }

    private static HttpTarget Target(string url) => new() { Url = new Uri(url) };
}
