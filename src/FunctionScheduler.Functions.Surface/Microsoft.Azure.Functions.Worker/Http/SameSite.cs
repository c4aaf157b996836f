namespace Microsoft.Azure.Functions.Worker.Http;

// Source: UNVERIFIED. IHttpCookie.cs@8534c224f5c8 (Azure/azure-functions-dotnet-worker) references this enum, but its
// declaring file is not in the search index. A single placeholder member keeps IHttpCookie compiling; the app
// must not depend on SameSite values (see README, "Unverified").
public enum SameSite
{
    // Source: UNVERIFIED (see type comment).
    None,
}
