import { Result } from "effect"
import { describe, expect, it } from "vitest"
import type { OpenRepository } from "./repository-url.ts"
import { repositorySource, UNUSABLE_CREDENTIALS } from "./repository-url.ts"

const ftp: OpenRepository = {
  server_type: "FTP",
  fields: { server_address: "10.55.7.21", home_directory: "/remote/", vrf: "VRF", username: "u" },
  password: "p"
}

describe("repository URLs (DEVICE.md §3)", () => {
  it("builds a TFTP URL with the VRF after the host", () => {
    const tftp = { server_type: "TFTP", fields: { tftp_server_path: "tftp://223.255.254.254/auto/tftp-gud/sit", vrf: "MGMT" } }
    expect(repositorySource(tftp, "533", "XR")).toEqual(Result.succeed({
      _tag: "Url", url: "tftp://223.255.254.254;MGMT/auto/tftp-gud/sit/533"
    }))
    expect(repositorySource({ server_type: "TFTP", fields: { tftp_server_path: "10.1.1.10/images/533" } }, "", "XR"))
      .toEqual(Result.succeed({ _tag: "Url", url: "tftp://10.1.1.10/images/533" }))
  })

  it("keeps the classic FTP password in the URL", () => {
    expect(repositorySource(ftp, "dir", "XR")).toEqual(Result.succeed({ _tag: "Url", url: "ftp://u:p@10.55.7.21;VRF/remote/dir" }))
  })

  it("types the eXR SFTP password instead", () => {
    const sftp = { server_type: "SFTP", fields: { server_address: "10.1.1.20", home_directory: "images", username: "u" }, password: "p" }
    expect(repositorySource(sftp, "612", "eXR")).toEqual(Result.succeed({
      _tag: "Url", url: "sftp://u@10.1.1.20/images/612", typedPassword: "p"
    }))
    expect(repositorySource(sftp, "612", "XR")).toEqual(Result.succeed({ _tag: "Url", url: "sftp://u:p@10.1.1.20/images/612" }))
  })

  it("copies with scp, then adds from the destination", () => {
    const scp = {
      server_type: "SCP",
      fields: { server_address: "10.77.132.122", home_directory: "/rosco", username: "root", destination_on_host: "disk0:" },
      password: "secret"
    }
    expect(repositorySource(scp, "", "XR")).toEqual(Result.succeed({
      _tag: "Scp", login: "root@10.77.132.122", directory: "/rosco", password: "secret", destination: "disk0:"
    }))
  })

  it("uses a LOCAL path as entered", () => {
    expect(repositorySource({ server_type: "LOCAL", fields: { device_path: "disk0:" } }, "", "XR"))
      .toEqual(Result.succeed({ _tag: "Url", url: "disk0:" }))
  })

  it("refuses credentials that would break the URL", () => {
    for (const password of ["a b", "a@b", "a/b", "a;b"]) {
      expect(repositorySource({ ...ftp, password }, "", "XR")).toEqual(Result.fail(UNUSABLE_CREDENTIALS))
    }
    expect(repositorySource({ ...ftp, fields: { ...ftp.fields, username: "a:b" } }, "", "XR")).toEqual(Result.fail(UNUSABLE_CREDENTIALS))
  })

  it("refuses a server directory that cannot be typed", () => {
    expect(repositorySource(ftp, "dir; reload", "XR"))
      .toEqual(Result.fail("Package name 'dir; reload' contains characters that cannot be sent to the device."))
  })
})
