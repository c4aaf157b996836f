// FunctionScheduler on Azure Functions: a Flex Consumption app running as a user-assigned identity,
// with its host storage, Durable Functions task hub and task index in one keyless storage account,
// and telemetry in Application Insights. Deployed into an existing resource group (azd or az CLI).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Environment name (azd: AZURE_ENV_NAME). Seeds every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string = resourceGroup().location

@description('Flex Consumption instance memory in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Flex Consumption scale-out limit (instances).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Durable Functions task hub name (host.json hubName is %TaskHubName%): letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'SchedulerHub'

@description('Prefix of the task index tables (<prefix>Tasks, <prefix>TaskIds, <prefix>Runs): letters and digits, starting with a letter.')
@minLength(1)
@maxLength(56)
param tablePrefix string = 'scheduler'

@description('Key id sent with every signature so receivers can tell which key signed a call.')
@minLength(1)
param signingKeyId string = 'primary'

@secure()
@minLength(32)
@description('HMAC-SHA256 key that signs outbound calls: base64 or plain text of at least 32 bytes. No default on purpose.')
param signingSecret string

@description('Rotation (docs/signatures.md): when the current key stops signing, an RFC 3339 instant; empty: never.')
param signingKeyNotAfter string = ''

@description('Rotation: id of the next key, which signs beside the current one. Empty: one key only.')
param nextSigningKeyId string = ''

@secure()
@description('Rotation: the next key\'s secret, at least 32 bytes; required with nextSigningKeyId.')
param nextSigningSecret string = ''

@description('Rotation: when the next key starts signing, an RFC 3339 instant; empty: at once.')
param nextSigningKeyNotBefore string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names are known at compile time so role assignment ids and What-If stay deterministic.
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'

// One key as Scheduler:Signing:KeyId/Secret; during a rotation both keys as Scheduler:Signing:Keys (the app refuses
// the two forms together). Windows are written only when given.
var singleKeySettings = {
  Scheduler__Signing__KeyId: signingKeyId
  Scheduler__Signing__Secret: signingSecret
}
var rotationSettings = union(
  {
    Scheduler__Signing__Keys__0__Id: signingKeyId
    Scheduler__Signing__Keys__0__Secret: signingSecret
    Scheduler__Signing__Keys__1__Id: nextSigningKeyId
    Scheduler__Signing__Keys__1__Secret: nextSigningSecret
  },
  empty(signingKeyNotAfter) ? {} : { Scheduler__Signing__Keys__0__NotAfter: signingKeyNotAfter },
  empty(nextSigningKeyNotBefore) ? {} : { Scheduler__Signing__Keys__1__NotBefore: nextSigningKeyNotBefore }
)

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  // Passes names, not outputs, so nothing implies the order: the three targets must exist first.
  dependsOn: [
    identity
    storage
    monitoring
  ]
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  // The host reaches storage as soon as it starts; granting the roles first avoids a failing first start.
  dependsOn: [
    roles
  ]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: union({
      // Functions host and Durable Functions storage, by identity.
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      TaskHubName: taskHubName
      // Telemetry, by identity (the component has local auth disabled).
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.clientId}'
      // Scheduler options (section "Scheduler"; "__" separates sections in app settings).
      Scheduler__Storage__TableEndpoint: 'https://${storageAccountName}.table.${environment().suffixes.storage}'
      Scheduler__Storage__ManagedIdentityClientId: identity.outputs.clientId
      Scheduler__Storage__TablePrefix: tablePrefix
      // Identity tokens for targets with "auth" (docs/identity.md): obtained as the app's own identity.
      Scheduler__Identity__ManagedIdentityClientId: identity.outputs.clientId
    }, empty(nextSigningKeyId) ? singleKeySettings : rotationSettings)
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccountName
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.url
// Grant this identity access to a protected target (docs/identity.md); its tokens carry this as appid/azp.
output AZURE_FUNCTION_APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_FUNCTION_APP_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
