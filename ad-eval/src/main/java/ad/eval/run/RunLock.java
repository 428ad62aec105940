package ad.eval.run;

import ad.core.UserException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an output folder, so that two runs never interleave their files there. The
 * operating system releases it when the process ends, even if it is killed.
 */
final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static RunLock acquire(Path outputDirectory) {
    Path file = outputDirectory.resolve(".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(outputDirectory);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new UserException("output folder " + outputDirectory + " is in use by another ad run; "
            + "wait for it to finish or choose another folder with --out");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
          .getBytes(StandardCharsets.US_ASCII)));
      return new RunLock(channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // Reporting the first failure matters more.
        }
      }
      throw new UserException("cannot use output folder " + outputDirectory + ": " + reason(outputDirectory, e),
          e);
    }
  }

  /** Why the folder cannot be created or written, in words (the exception's message is often a bare path). */
  private static String reason(Path outputDirectory, IOException e) {
    for (Path p = outputDirectory.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          return p + " is a file, not a folder";
        }
        break;
      }
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied (choose another folder with --out)";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.toString();
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The lock dies with the process anyway.
    }
  }
}
