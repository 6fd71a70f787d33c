package graph

import (
	"intercom-graphql/graph/model"
	"intercom-graphql/upstream"
)

// contactApp groups Intercom's flat android_* or ios_* contact fields; a
// contact who never used the app has none of them, and gets null.
func contactApp(name, version, device, osVersion, sdkVersion *string, lastSeen *upstream.Timestamp) *model.ContactApp {
	if name == nil && version == nil && device == nil && osVersion == nil && sdkVersion == nil && lastSeen == nil {
		return nil
	}
	return &model.ContactApp{AppName: name, AppVersion: version, Device: device, OsVersion: osVersion, SdkVersion: sdkVersion, LastSeenAt: lastSeen}
}
