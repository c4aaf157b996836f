namespace Microsoft.Azure.Functions.Worker;

// Source: UNVERIFIED. BindingMetadata.cs@0731f01f152e (Azure/azure-functions-dotnet-worker) references this enum,
// but its declaring file is not in the search index. Members are placeholders so BindingMetadata compiles;
// the app must not depend on their names or values (see README, "Unverified").
public enum BindingDirection
{
    // Source: UNVERIFIED (see type comment).
    In,

    // Source: UNVERIFIED (see type comment).
    Out,
}
