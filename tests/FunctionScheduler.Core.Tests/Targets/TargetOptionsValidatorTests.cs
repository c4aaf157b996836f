using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class TargetOptionsValidatorTests
{
    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("::1/128", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("func-internal.contoso.local", true)]
    [InlineData("localhost", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("not a host!", false)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("", false)]
    public void Validate_AllowListEntry_AcceptsCidrsAddressesAndHostNames(string entry, bool valid)
    {
        var options = new TargetOptions();
        options.AllowedNetworks.Add(entry);

        var result = new TargetOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }
}
