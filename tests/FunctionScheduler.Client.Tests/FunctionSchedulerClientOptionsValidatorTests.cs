using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Client.Tests;

public sealed class FunctionSchedulerClientOptionsValidatorTests
{
    [Theory]
    [InlineData(null, null, null, "Endpoint is required")]
    [InlineData("ftp://example.com", null, null, "not an absolute http or https")]
    [InlineData("http://example.com/?x=1", null, null, "query or fragment")]
    [InlineData("http://example.com", " ", null, "ApiKey is empty")]
    [InlineData("http://example.com", "a\r\nX-Evil: 1", null, "ApiKey holds a control")]
    [InlineData("http://example.com", null, "k\u00e9y", "FunctionKey holds a control or non-ASCII")]
    [InlineData("http://example.com", "one", "two", "not both")]
    public void Validate_BadSetting_FailsNamingIt(string? endpoint, string? apiKey, string? functionKey, string expected)
    {
        var options = new FunctionSchedulerClientOptions
        {
            Endpoint = endpoint is null ? null : new Uri(endpoint, UriKind.RelativeOrAbsolute),
            ApiKey = apiKey,
            FunctionKey = functionKey,
        };

        var result = new FunctionSchedulerClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "key", null)]
    [InlineData("https://my-app.azurewebsites.net/", null, "function-key==")]
    [InlineData("https://gw.example.com/scheduler/", null, null)]
    public void Validate_GoodSettings_Succeeds(string endpoint, string? apiKey, string? functionKey)
    {
        var options = new FunctionSchedulerClientOptions { Endpoint = new Uri(endpoint), ApiKey = apiKey, FunctionKey = functionKey };

        Assert.True(new FunctionSchedulerClientOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void AddFunctionSchedulerClient_InvalidOptions_ResolvingTheClientThrowsBeforeAnyRequest()
    {
        var services = new ServiceCollection();
        services.AddFunctionSchedulerClient(options => options.ApiKey = "key");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<FunctionSchedulerClient>);

        Assert.Contains("Endpoint is required", exception.Message, StringComparison.Ordinal);
    }
}
