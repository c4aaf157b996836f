// The user-assigned identity the Function App runs as. It is created before the app so its
// role assignments can exist before the host first starts.

@description('Name of the user-assigned managed identity.')
param name string

@description('Region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
// The service principal's object id: what an app role assignment on a protected target names (docs/identity.md).
output principalId string = identity.properties.principalId
