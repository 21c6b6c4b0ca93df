#define _POSIX_C_SOURCE 200809L
#include "fl_save.h"
#include "fl_buf.h"
#include "fl_str.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char MAGIC[8] = {'F', 'L', 'A', 'N', 'K', 'S', 'A', 'V'};
#define HEADER 28 /* magic 8, version 4, length 8, checksum 8 */

/* Write all of data to an open descriptor; 0 ok. */
static int write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len) {
    ssize_t w = write(fd, p, len);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    len -= (size_t)w;
  }
  return 0;
}

int fl_save_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errn) {
  struct stat st;
  /* "-" is standard output, and a device or pipe (/dev/null, /dev/stdout) is written as it
   * is: renaming a temporary file over it would replace the device with a file */
  if (!strcmp(path, "-") || (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
    int fd = strcmp(path, "-") ? open(path, O_WRONLY) : STDOUT_FILENO;
    if (fd < 0 || write_all(fd, data, len) || (fd != STDOUT_FILENO && close(fd))) {
      snprintf(err, errn, "%s: cannot write: %s", strcmp(path, "-") ? path : "standard output", strerror(errno));
      if (fd > STDOUT_FILENO) close(fd);
      return -1;
    }
    return 0;
  }
  size_t pl = strlen(path);
  char *tmp = malloc(pl + 32), *dir = fl_str_dup(path);
  if (!tmp || !dir) { free(tmp); free(dir); snprintf(err, errn, "%s: out of memory", path); return -1; }
  snprintf(tmp, pl + 32, "%s.tmp%ld", path, (long)getpid());
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644), rc = -1;
  if (fd < 0) {
    snprintf(err, errn, "%s: cannot write: %s", path, strerror(errno));
    goto out;
  }
  const char *p = data;
  size_t left = len;
  while (left) {
    ssize_t w = write(fd, p, left);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      snprintf(err, errn, "%s: cannot write: %s", path, w < 0 ? strerror(errno) : "short write");
      close(fd);
      unlink(tmp);
      goto out;
    }
    p += w;
    left -= (size_t)w;
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    snprintf(err, errn, "%s: cannot flush: %s", path, strerror(errno));
    unlink(tmp);
    goto out;
  }
  if (rename(tmp, path) != 0) {
    snprintf(err, errn, "%s: cannot replace: %s", path, strerror(errno));
    unlink(tmp);
    goto out;
  }
  char *slash = strrchr(dir, '/');
  if (slash) *(slash == dir ? slash + 1 : slash) = '\0';
  else strcpy(dir, ".");
  int dfd = open(dir, O_RDONLY);
  if (dfd >= 0) { fsync(dfd); close(dfd); } /* make the rename durable */
  rc = 0;
out:
  free(tmp);
  free(dir);
  return rc;
}

int fl_save_game(const char *path, const fl_Def *def, const fl_State *s, char *err, size_t errn) {
  fl_Buf pay = {0}, file = {0};
  fl_buf_str(&pay, def->id);
  fl_buf_str(&pay, def->version);
  fl_buf_u64(&pay, def->content_hash);
  fl_state_write(s, &pay, 1);
  fl_buf_bytes(&file, MAGIC, 8);
  fl_buf_u32(&file, FL_SAVE_VERSION);
  fl_buf_u64(&file, pay.len);
  fl_buf_u64(&file, fl_fnv64(FL_FNV_INIT, pay.data, pay.len));
  fl_buf_bytes(&file, pay.data, pay.len);
  int rc;
  if (pay.oom || file.oom) { snprintf(err, errn, "%s: out of memory", path); rc = -1; }
  else rc = fl_save_write_atomic(path, file.data, file.len, err, errn);
  fl_buf_free(&pay);
  fl_buf_free(&file);
  return rc;
}

/* The container: magic, version, length, checksum. The payload reader into *pr, 0 ok. */
static int open_payload(const void *data, size_t len, const char *name, fl_Reader *pr, char *err, size_t errn) {
  fl_Reader r = {data, len, 0, 0};
  if (len < HEADER || memcmp(data, MAGIC, 8) != 0) {
    snprintf(err, errn, "%s: not a Flank save (bad magic or truncated header)", name);
    return -1;
  }
  r.pos = 8;
  uint32_t ver = fl_rd_u32(&r);
  uint64_t plen = fl_rd_u64(&r), sum = fl_rd_u64(&r);
  if (ver != FL_SAVE_VERSION) {
    snprintf(err, errn, "%s: save format version %u, this Flank reads version %u%s", name, ver,
             FL_SAVE_VERSION, ver > FL_SAVE_VERSION ? " (made by a newer Flank)" : "");
    return -1;
  }
  if (plen != len - HEADER) {
    snprintf(err, errn, "%s: truncated or padded save (%zu payload bytes, header says %llu)", name,
             len - HEADER, (unsigned long long)plen);
    return -1;
  }
  const unsigned char *pay = (const unsigned char *)data + HEADER;
  if (fl_fnv64(FL_FNV_INIT, pay, (size_t)plen) != sum) {
    snprintf(err, errn, "%s: checksum mismatch: the save is corrupt", name);
    return -1;
  }
  *pr = (fl_Reader){pay, (size_t)plen, 0, 0};
  return 0;
}

int fl_save_peek(const void *data, size_t len, const char *name, char *id, size_t idn, uint64_t *content, char *err,
                 size_t errn) {
  fl_Reader pr;
  if (open_payload(data, len, name, &pr, err, errn)) return -1;
  char *sid = fl_rd_str(&pr), *version = fl_rd_str(&pr);
  *content = fl_rd_u64(&pr);
  int rc = 0;
  if (!sid || !version || pr.bad) { snprintf(err, errn, "%s: corrupt save header", name); rc = -1; }
  else snprintf(id, idn, "%s", sid);
  free(sid);
  free(version);
  return rc;
}

int fl_save_parse(const void *data, size_t len, const char *name, const fl_Def *def, fl_State *s,
                  char *err, size_t errn) {
  fl_Reader pr;
  if (open_payload(data, len, name, &pr, err, errn)) return -1;
  char *id = fl_rd_str(&pr), *version = fl_rd_str(&pr);
  uint64_t hash = fl_rd_u64(&pr);
  int rc = -1;
  if (!id || !version || pr.bad) {
    snprintf(err, errn, "%s: corrupt save header", name);
  } else if (strcmp(id, def->id) != 0) {
    snprintf(err, errn, "%s: this save is for scenario '%s', not '%s'", name, id, def->id);
  } else if (hash != def->content_hash) {
    snprintf(err, errn, "%s: scenario '%s' changed since this save (save %016llx, now %016llx)", name, id,
             (unsigned long long)hash, (unsigned long long)def->content_hash);
  } else {
    fl_State *tmp = fl_state_new(def);
    if (!tmp) snprintf(err, errn, "%s: out of memory", name);
    else if (fl_state_read(tmp, def, &pr) != 0) snprintf(err, errn, "%s: corrupt game state at byte %zu", name, pr.pos + HEADER);
    else rc = fl_state_copy(s, tmp);
    fl_state_free(tmp);
  }
  free(id);
  free(version);
  return rc;
}

int fl_save_load(const char *path, const fl_Def *def, fl_State *s, char *err, size_t errn) {
  size_t len;
  char *data = fl_str_read_file(path, &len);
  if (!data) { snprintf(err, errn, "%s: cannot read: %s", path, fl_str_read_why()); return -1; }
  int rc = fl_save_parse(data, len, path, def, s, err, errn);
  free(data);
  return rc;
}
