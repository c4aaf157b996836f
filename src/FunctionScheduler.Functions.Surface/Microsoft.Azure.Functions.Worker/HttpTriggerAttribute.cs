using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
public sealed class HttpTriggerAttribute : TriggerBindingAttribute
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
    public HttpTriggerAttribute()
    {
        AuthLevel = AuthorizationLevel.Function;
    }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
    // As in the real type, this overload leaves AuthLevel at default(AuthorizationLevel), i.e. Anonymous.
    public HttpTriggerAttribute(params string[] methods)
    {
        Methods = methods;
    }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
    public HttpTriggerAttribute(AuthorizationLevel authLevel)
    {
        AuthLevel = authLevel;
    }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
    public string? Route { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
    public string[]? Methods { get; private set; }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/HttpTriggerAttribute.cs@282369b94363
    public AuthorizationLevel AuthLevel { get; private set; }
}
