using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

/// <summary>target.auth: the identity token a target asks for.</summary>
public sealed partial class TaskDefinitionReaderTests
{
    [Theory]
    [InlineData("api://scheduler-target")]
    [InlineData("api://00000000-1111-2222-3333-444444444444")]
    [InlineData("api://contoso.onmicrosoft.com/reports")]
    [InlineData("https://reports.contoso.com")]
    [InlineData("https://management.azure.com/")]
    [InlineData("00000000-1111-2222-3333-444444444444")]
    public void Read_AuthWithAudience_ReadsTheAudienceAndItsDefaultScope(string audience)
    {
        var task = ReadValid(TestJson.Patched("{'target':{'auth':{'type':'managedIdentity','audience':'" + audience + "'}}}"));

        Assert.Equal(new TargetAuth { Type = TargetAuthType.ManagedIdentity, Audience = audience }, task.Target.Auth);
        Assert.Equal(audience + "/.default", task.Target.Auth!.Scope);
    }

    [Fact]
    public void Read_NoAuth_HasNone() => Assert.Null(ReadValid(TestJson.Base).Target.Auth);

    [Theory]
    [InlineData("http://localhost:7071/api/job")]
    [InlineData("http://127.0.0.1:5080/job")]
    [InlineData("http://[::1]:5080/job")]
    public void Read_AuthOverPlainHttpToLoopback_Accepted(string url)
    {
        var task = ReadValid(TestJson.Patched("{'target':{'url':'" + url + "','auth':{'type':'managedIdentity','audience':'api://t'}}}"));

        Assert.Equal("api://t", task.Target.Auth!.Audience);
    }

    [Theory]
    [InlineData("{'target':{'auth':'managedIdentity'}}",                                                       "/target/auth",                         "type")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':5}}}",                                 "/target/auth/audience",                "type")]
    [InlineData("{'target':{'auth':{'audience':'api://t'}}}",                                                  "/target/auth/type",                    "required")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity'}}}",                                              "/target/auth/audience",                "required")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':null}}}",                              "/target/auth/audience",                "required")]
    [InlineData("{'target':{'auth':{'type':'ManagedIdentity','audience':'api://t'}}}",                         "/target/auth/type",                    "enum")]
    [InlineData("{'target':{'auth':{'type':'oidc','audience':'api://t'}}}",                                    "/target/auth/type",                    "enum")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'api://t','scope':'x'}}}",             "/target/auth/scope",                   "unknown-property")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':''}}}",                                "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'reports'}}}",                         "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'http://reports.contoso.com'}}}",      "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'api://t?x=1'}}}",                     "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'api://t#x'}}}",                       "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'https://u:p@contoso.com'}}}",         "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'api://t x'}}}",                       "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'api://caf\\u00e9'}}}",               "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'api://t/.default'}}}",                "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'auth':{'type':'managedIdentity','audience':'api://t/.DEFAULT'}}}",                "/target/auth/audience",                "audience")]
    [InlineData("{'target':{'url':'http://worker.example.com/sync','auth':{'type':'managedIdentity','audience':'api://t'}}}", "/target/url",         "https-required")]
    [InlineData("{'target':{'url':'http://10.0.0.4/sync','auth':{'type':'managedIdentity','audience':'api://t'}}}",           "/target/url",         "https-required")]
    [InlineData("{'target':{'headers':{'Authorization':'Basic x'},'auth':{'type':'managedIdentity','audience':'api://t'}}}",  "/target/headers/Authorization", "auth-conflict")]
    [InlineData("{'target':{'secretHeaders':{'authorization':'Bearer x'},'auth':{'type':'managedIdentity','audience':'api://t'}}}", "/target/secretHeaders/authorization", "auth-conflict")]
    public void Read_AuthWithOneFault_ReportsExactlyThatError(string patch, string pointer, string rule)
    {
        var result = TaskDefinitionReader.Read(TestJson.Patched(patch), new DefinitionContext());

        AssertSingleError(result, pointer, rule);
    }

    [Fact]
    public void Read_AudienceOverTheLimit_MaxLength()
    {
        var audience = "api://" + new string('a', DefinitionLimits.MaxAudienceLength);

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'auth':{'type':'managedIdentity','audience':'" + audience + "'}}}"), new DefinitionContext());

        AssertSingleError(result, "/target/auth/audience", ValidationRules.MaxLength);
    }

    [Fact]
    public void Read_AuthInTheShortForm_IsUnknown()
    {
        var result = TaskDefinitionReader.Read(
            TestJson.Utf8("{'cron':'0 * * * *','url':'https://w.example.com','auth':{'type':'managedIdentity','audience':'api://t'}}"),
            new DefinitionContext());

        AssertSingleError(result, "/auth", ValidationRules.UnknownProperty);
    }
}
