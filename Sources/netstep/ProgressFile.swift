import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing the progress file with the care a file in the learner's home
/// needs: nothing that is not a regular file is ever opened for reading in a way that
/// could block (a named pipe), nothing larger than a limit is read, and every failure is
/// said in plain words ("permission denied"), not as a Foundation error code.
enum ProgressFile {
    /// Why the file at the path cannot be used.
    enum Problem: Equatable, CustomStringConvertible {
        case notRegular(String)
        case danglingLink(String)
        case unreadable(String)
        case tooLarge(Int)

        var isTooLarge: Bool {
            if case .tooLarge = self { return true }
            return false
        }

        var description: String {
            switch self {
            case let .notRegular(kind): "is \(kind), not a file"
            case let .danglingLink(target): "is a link to \(target), which does not exist"
            case let .unreadable(reason): "cannot be read (\(reason))"
            case let .tooLarge(size): "is \(size / 1_000_000) MB, far more than any progress holds (at most \(ProgressStore.sizeLimit / 1_000_000) MB)"
            }
        }
    }

    enum Reading {
        case missing
        case contents(Data)
        case problem(Problem)
    }

    /// The file's bytes, read without blocking on whatever the path turns out to be.
    static func read(_ path: String, limit: Int) -> Reading {
        var status = stat()
        if lstat(path, &status) != 0 {
            return errno == ENOENT ? .missing : .problem(.unreadable(lastError()))
        }
        if status.st_mode & S_IFMT == S_IFLNK, stat(path, &status) != 0 {
            guard errno == ENOENT else { return .problem(.unreadable(lastError())) }
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing file"
            return .problem(.danglingLink(target))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { return .problem(.notRegular(kind(of: status.st_mode))) }
        // O_NONBLOCK: the path could have been swapped for a named pipe since the stat.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .problem(.unreadable(lastError())) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { return .problem(.unreadable(lastError())) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .problem(.notRegular(kind(of: status.st_mode))) }
        guard status.st_size <= limit else { return .problem(.tooLarge(Int(status.st_size))) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = readBytes(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .problem(.unreadable(lastError()))
            }
            if count == 0 { return .contents(data) }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit { return .problem(.tooLarge(data.count)) }
        }
    }

    /// A write that failed, in words.
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `data` to a temporary file beside `path` and renames it over `path`, so the
    /// file is always either the old progress or the new. A link is followed: its target
    /// is replaced, the link kept.
    static func writeAtomically(_ data: Data, to path: String) throws(WriteError) {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { link in
            link.hasPrefix("/") ? link : (path as NSString).deletingLastPathComponent + "/" + link
        } ?? path
        let temporary = target + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw WriteError(description: "\(temporary) cannot be created (\(lastError()))") }
        let written = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return fsync(descriptor) == 0
        }
        let reason = written ? nil : lastError()
        close(descriptor)
        if let reason {
            unlink(temporary)
            throw WriteError(description: "\(target) cannot be written (\(reason))")
        }
        guard rename(temporary, target) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw WriteError(description: "\(target) cannot be replaced (\(reason))")
        }
    }

    /// An advisory lock on a file beside the progress, held while a save reads, merges and
    /// writes, so two netstep processes saving at once take turns. Without a lock (a file
    /// system that refuses one) the save goes ahead: it still merges.
    struct Lock {
        private let descriptor: Int32

        init(path: String) {
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if descriptor >= 0 {
                while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
            }
        }

        func release() {
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// The last system error in words: "Permission denied".
    static func lastError() -> String {
        String(cString: strerror(errno)).lowercased()
    }

    /// A Foundation error's reason in words, without its domain and code.
    static func plainReason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return "the system refused"
    }

    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "something other than a file"
        }
    }
}

/// read(2), under a name the enum's own `read` does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
