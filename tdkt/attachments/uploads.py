"""An upload handler that stops receiving a file once it passes the size limit, so an oversize upload
never fills the disk: the rest of the request body is read and dropped, and the view refuses the file."""

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

TOO_LARGE_ATTR = "tdkt_upload_too_large"


class SizeLimitUploadHandler(FileUploadHandler):
    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            setattr(self.request, TOO_LARGE_ATTR, True)
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file


def upload_too_large(request) -> bool:
    return getattr(request, TOO_LARGE_ATTR, False)
